package dev.jrun.linux;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * A NULL-terminated {@code char *[]}, as argv and envp are. It holds the strings' native memory,
 * which is freed when this object is collected: keep it reachable until the call returns.
 */
final class NativeStrings {

    private final Pointer array;
    private final List<Pointer> strings = new ArrayList<>();

    NativeStrings(Runtime runtime, List<String> values) {
        int pointerSize = runtime.addressSize();
        array = Memory.allocateDirect(runtime, (long) (values.size() + 1) * pointerSize, true);
        for (int i = 0; i < values.size(); i++) {
            byte[] bytes = values.get(i).getBytes(StandardCharsets.UTF_8);
            Pointer string = Memory.allocateDirect(runtime, bytes.length + 1, true);
            string.put(0, bytes, 0, bytes.length);
            strings.add(string);
            array.putPointer((long) i * pointerSize, string);
        }
    }

    Pointer array() {
        return array;
    }
}
