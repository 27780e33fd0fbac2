package dev.jrun.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** A container made by create or run --detach; closing it deletes it by force and removes its bundle. */
public final class Container implements AutoCloseable {
    private final RuntimeCli runtime;
    private final String id;
    private final Bundle bundle;
    private final long pid;

    Container(RuntimeCli runtime, String id, Bundle bundle) {
        this.runtime = runtime;
        this.id = id;
        this.bundle = bundle;
        this.pid = runtime.pid(id);
    }

    public String id() {
        return id;
    }

    public Bundle bundle() {
        return bundle;
    }

    /** The init's pid on the host, as state reported it right after the container was made. */
    public long pid() {
        return pid;
    }

    public JsonNode state() {
        return runtime.state(id);
    }

    public String status() {
        return runtime.status(id);
    }

    @Override
    public void close() {
        runtime.deleteForce(id);
        Host.await(() -> !Host.isAlive(pid), Duration.ofSeconds(10));
        bundle.close();
    }
}
