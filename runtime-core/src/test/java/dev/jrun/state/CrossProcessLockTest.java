package dev.jrun.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock as jrun commands meet it: held by another process, and released when that process dies. */
class CrossProcessLockTest {

    @TempDir
    Path root;

    private final ExecutorService other = Executors.newSingleThreadExecutor();
    private Process holder;

    @AfterEach
    void cleanUp() {
        other.shutdownNow();
        if (holder != null) {
            holder.destroyForcibly();
        }
    }

    private void startHolder() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        holder = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), LockHolder.class.getName(), root.toString(), "abc")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("locked", out.readLine());
    }

    private Future<Integer> openInThisProcess(StateStore store) {
        return other.submit(() -> {
            try (ContainerDir dir = store.open("abc")) {
                return 1;
            }
        });
    }

    @Test
    void waitsForTheOtherProcessToClose() throws Exception {
        StateStore store = new StateStore(root);
        store.create("abc").close();
        startHolder();
        Future<Integer> opened = openInThisProcess(store);
        assertThrows(TimeoutException.class, () -> opened.get(500, TimeUnit.MILLISECONDS));
        holder.getOutputStream().close();
        assertEquals(1, opened.get(10, TimeUnit.SECONDS));
        assertEquals(0, holder.waitFor());
    }

    @Test
    void aKilledHolderLeavesNoLockBehind() throws Exception {
        StateStore store = new StateStore(root);
        store.create("abc").close();
        startHolder();
        Future<Integer> opened = openInThisProcess(store);
        assertThrows(TimeoutException.class, () -> opened.get(500, TimeUnit.MILLISECONDS));
        holder.destroyForcibly().waitFor();
        assertEquals(1, opened.get(10, TimeUnit.SECONDS));
    }
}
