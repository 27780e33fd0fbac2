package dev.jrun.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    @TempDir
    Path tmp;

    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopThread() {
        other.shutdownNow();
    }

    private StateStore store() {
        return new StateStore(tmp.resolve("run/jrun"));
    }

    @Test
    void createMakesThePrivateRootAndTheContainerDirectory() throws IOException {
        StateStore store = store();
        try (ContainerDir dir = store.create("abc")) {
            assertEquals(tmp.resolve("run/jrun/abc"), dir.path());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.root())));
            assertEquals("rwx--x--x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.path())));
            assertEquals(dir.path().resolve("state.json"), dir.stateFile());
            assertEquals(dir.path().resolve("exec.fifo"), dir.execFifo());
            assertEquals(dir.path().resolve("plan"), dir.planFile());
            assertEquals(dir.path().resolve("config.json"), dir.configFile());
            assertEquals(store.execFifo("abc"), dir.execFifo());
            assertFalse(dir.hasState());
        }
    }

    @Test
    void createRefusesAnExistingId() {
        StateStore store = store();
        store.create("abc").close();
        StateException e = assertThrows(StateException.class, () -> store.create("abc"));
        assertEquals("container \"abc\" already exists", e.getMessage());
    }

    @Test
    void createAndOpenRefuseInvalidIds() {
        StateStore store = store();
        assertEquals("invalid container id \"a/b\"", assertThrows(StateException.class, () -> store.create("a/b")).getMessage());
        assertThrows(StateException.class, () -> store.open(".."));
        assertThrows(StateException.class, () -> store.load("../x"));
        assertFalse(Files.exists(store.root()));
    }

    @Test
    void openNeedsAnExistingContainer() {
        StateException e = assertThrows(StateException.class, () -> store().open("nope"));
        assertEquals("container \"nope\" does not exist", e.getMessage());
        e = assertThrows(StateException.class, () -> store().load("nope"));
        assertEquals("container \"nope\" does not exist", e.getMessage());
    }

    @Test
    void saveThenLoadRoundTrips() {
        StateStore store = store();
        ContainerState state = Samples.annotated();
        try (ContainerDir dir = store.create(state.id())) {
            dir.save(state);
            assertTrue(dir.hasState());
            assertEquals(state, dir.load());
        }
        assertEquals(state, store.load(state.id()));
        try (ContainerDir dir = store.open(state.id())) {
            assertEquals(state, dir.load());
        }
    }

    @Test
    void saveReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        StateStore store = store();
        try (ContainerDir dir = store.create("abc")) {
            dir.save(Samples.abc());
            ContainerState later = new ContainerState("1.0.2", "abc", 1, 2, Path.of("/b"), Path.of("/b/r"),
                    Samples.abc().created(), "root", java.util.Map.of(), java.util.Map.of(), false);
            dir.save(later);
            assertEquals(later, dir.load());
            try (Stream<Path> files = Files.list(dir.path())) {
                assertEquals(List.of("lock", "state.json"), files.map(p -> p.getFileName().toString()).sorted().toList());
            }
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.stateFile())));
        }
    }

    @Test
    void loadNamesACorruptFile() throws IOException {
        StateStore store = store();
        try (ContainerDir dir = store.create("abc")) {
            Files.writeString(dir.stateFile(), "{\"formatVersion\": 1, \"id\": ");
            StateException e = assertThrows(StateException.class, dir::load);
            assertTrue(e.getMessage().startsWith("corrupt state file " + dir.stateFile() + ": "), e.getMessage());
        }
    }

    @Test
    void loadRefusesTheStateOfAnotherId() throws IOException {
        StateStore store = store();
        try (ContainerDir dir = store.create("abc")) {
            Files.write(dir.stateFile(), StateFile.encode(Samples.withId("other")));
            StateException e = assertThrows(StateException.class, dir::load);
            assertEquals("corrupt state file " + dir.stateFile() + ": it is for container \"other\"", e.getMessage());
        }
    }

    @Test
    void removeDeletesEverything() throws IOException {
        StateStore store = store();
        try (ContainerDir dir = store.create("abc")) {
            dir.save(Samples.abc());
            Files.writeString(dir.planFile(), "plan");
            Files.createDirectory(dir.path().resolve("sub"));
            Files.writeString(dir.path().resolve("sub/f"), "x");
            dir.remove();
            assertFalse(Files.exists(dir.path()));
            dir.remove();
        }
        assertEquals(List.of(), store.ids());
        assertThrows(StateException.class, () -> store.open("abc"));
        store.create("abc").close();
    }

    @Test
    void idsAreSortedDirectoriesWithValidNames() throws IOException {
        StateStore store = store();
        assertEquals(List.of(), store.ids());
        for (String id : new String[] {"b", "a", "c.1"}) {
            store.create(id).close();
        }
        Files.writeString(store.root().resolve("file"), "");
        Files.createDirectory(store.root().resolve("bad name"));
        Files.createSymbolicLink(store.root().resolve("link"), store.root().resolve("a"));
        assertEquals(List.of("a", "b", "c.1"), store.ids());
    }

    @Test
    void ownerIsTheDirectorysUser() {
        try (ContainerDir dir = store().create("abc")) {
            assertEquals(System.getProperty("user.name"), dir.owner());
        }
    }

    @Test
    void openWaitsForTheHolderOfTheLock() throws Exception {
        StateStore store = store();
        ContainerDir first = store.create("abc");
        first.save(Samples.abc());
        CountDownLatch trying = new CountDownLatch(1);
        Future<ContainerState> second = other.submit(() -> {
            trying.countDown();
            try (ContainerDir dir = store.open("abc")) {
                return dir.load();
            }
        });
        trying.await();
        assertThrows(TimeoutException.class, () -> second.get(300, TimeUnit.MILLISECONDS));
        ContainerState saved = new ContainerState("1.0.2", "abc", 7, 8, Path.of("/b"), Path.of("/b/r"),
                Samples.abc().created(), "root", java.util.Map.of(), java.util.Map.of(), false);
        first.save(saved);
        first.close();
        assertEquals(saved, second.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aWaiterFindsARemovedContainerGone() throws Exception {
        StateStore store = store();
        ContainerDir first = store.create("abc");
        CountDownLatch trying = new CountDownLatch(1);
        Future<ContainerDir> second = other.submit(() -> {
            trying.countDown();
            return store.open("abc");
        });
        trying.await();
        assertThrows(TimeoutException.class, () -> second.get(300, TimeUnit.MILLISECONDS));
        first.remove();
        first.close();
        Exception e = assertThrows(java.util.concurrent.ExecutionException.class, () -> second.get(5, TimeUnit.SECONDS));
        assertEquals("container \"abc\" does not exist", e.getCause().getMessage());
    }

    @Test
    void theLockCanBeTakenAgainAfterClose() {
        StateStore store = store();
        store.create("abc").close();
        for (int i = 0; i < 3; i++) {
            store.open("abc").close();
        }
    }

    @Test
    void oneThreadCannotOpenTheSameContainerTwice() {
        StateStore store = store();
        try (ContainerDir dir = store.create("abc")) {
            StateException e = assertThrows(StateException.class, () -> store.open("abc"));
            assertTrue(e.getMessage().contains("already held by this thread"), e.getMessage());
        }
        store.open("abc").close();
    }
}
