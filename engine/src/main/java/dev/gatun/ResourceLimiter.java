package dev.gatun;

/**
 * Decides each growth of an instance's memories and tables, like wasmtime's {@code ResourceLimiter}: the
 * engine asks before the initial allocation at instantiation (current 0, desired the declared minimum) and
 * before every {@code memory.grow} and {@code table.grow} the module's code executes. A refusal at
 * instantiation fails it with {@link RuntimeError.Trap#LIMIT_EXCEEDED}; a refused grow returns -1 to the
 * module, as the spec allows. Called on the thread that runs the code; it must not call into the instance.
 * Grows the embedder itself makes through {@link Memory#grow} or {@link Table#grow} are not asked about.
 */
public interface ResourceLimiter {
    /**
     * @param currentPages current size in 64 KiB pages (0 at instantiation)
     * @param desiredPages size the memory would have
     * @param maximumPages the memory's effective maximum (declared, embedder cap, or the 4 GiB limit)
     * @return whether the memory may grow
     */
    boolean memoryGrowing(long currentPages, long desiredPages, long maximumPages);

    /** Like {@link #memoryGrowing}, in table elements. */
    boolean tableGrowing(long currentElements, long desiredElements, long maximumElements);

    /** Allows everything (the other limits still apply). */
    ResourceLimiter UNLIMITED = new ResourceLimiter() {
        @Override
        public boolean memoryGrowing(long currentPages, long desiredPages, long maximumPages) { return true; }

        @Override
        public boolean tableGrowing(long currentElements, long desiredElements, long maximumElements) { return true; }
    };
}
