package dev.gatun;

import java.util.Objects;

/**
 * What a {@link HostFunction.WithCaller} sees of the instance that imported it: its exports and its
 * memory (memory 0, exported or not, as WASI-style host functions need). One Caller exists per import of
 * each instance; it is valid once the instance exists, which is before its start function runs.
 */
public final class Caller {
    private Instance instance;
    private Memory memory;

    Caller() {}

    void bind(Instance instance, Memory memory) {
        this.instance = instance;
        this.memory = memory;
    }

    /** The importing instance. */
    public Instance instance() { return Objects.requireNonNull(instance, "not instantiated yet"); }

    /** The importing instance's exports. */
    public Exports exports() { return instance().exports(); }

    /**
     * The importing instance's memory 0.
     *
     * @throws LinkError if the module has no memory (a host function that needs one was imported by a
     *                   module that does not have one)
     */
    public Memory memory() {
        if (memory == null) throw new LinkError("", "", "the calling module has no memory");
        return memory;
    }
}
