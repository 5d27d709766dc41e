package dev.gatun;

import java.util.Objects;

/**
 * Resource caps an embedder places on one instance, for running untrusted modules. Build one from
 * {@link #NONE} with the {@code with...} methods. A cap the module's declared minimum already exceeds
 * fails instantiation with {@link RuntimeError.Trap#LIMIT_EXCEEDED}; growth beyond a cap makes
 * {@code memory.grow}/{@code table.grow} return -1, as the spec allows. Imported memories and tables keep
 * the caps they were created with.
 *
 * @param memoryPages   cap in 64 KiB pages for each memory the instance defines (it never reserves or
 *                      commits more), or -1 for none
 * @param tableElements cap in elements for each table the instance defines, or -1 for none (the
 *                      process-wide budget, {@code -Dgatun.maxTableElements}, applies regardless)
 * @param maxCallDepth  Wasm call depth at which calls made by this instance's code trap with
 *                      {@link RuntimeError.Trap#CALL_STACK_EXHAUSTED}, or -1 for the process default
 *                      ({@code -Dgatun.maxCallDepth}, 10,000), which is also the upper bound
 * @param fuel          fuel the instance starts with when its module was compiled with fuel metering
 *                      ({@link Module#withFuelMetering()}); -1 for none, as 0: calls then trap with
 *                      {@link RuntimeError.Trap#OUT_OF_FUEL} until {@link Instance#setFuel}. Ignored
 *                      for modules without metering
 * @param limiter       asked before each memory and table growth; {@link ResourceLimiter#UNLIMITED} for none
 */
public record InstanceLimits(long memoryPages, long tableElements, int maxCallDepth, long fuel, ResourceLimiter limiter) {
    /** No caps beyond the module's own declarations (and 4 GiB per 32-bit memory). */
    public static final InstanceLimits NONE = new InstanceLimits(-1, -1, -1, -1, ResourceLimiter.UNLIMITED);

    public InstanceLimits {
        if (memoryPages < -1) throw new IllegalArgumentException("memoryPages must be -1 (none) or a page count: " + memoryPages);
        if (tableElements < -1) throw new IllegalArgumentException("tableElements must be -1 (none) or an element count: " + tableElements);
        if (maxCallDepth < -1 || maxCallDepth == 0) throw new IllegalArgumentException("maxCallDepth must be -1 (default) or positive: " + maxCallDepth);
        if (fuel < -1) throw new IllegalArgumentException("fuel must be -1 (none) or a count: " + fuel);
        Objects.requireNonNull(limiter, "limiter");
    }

    public static InstanceLimits memoryPages(long pages) { return NONE.withMemoryPages(pages); }

    public InstanceLimits withMemoryPages(long pages) { return new InstanceLimits(pages, tableElements, maxCallDepth, fuel, limiter); }

    public InstanceLimits withTableElements(long elements) { return new InstanceLimits(memoryPages, elements, maxCallDepth, fuel, limiter); }

    public InstanceLimits withMaxCallDepth(int depth) { return new InstanceLimits(memoryPages, tableElements, depth, fuel, limiter); }

    public InstanceLimits withFuel(long units) { return new InstanceLimits(memoryPages, tableElements, maxCallDepth, units, limiter); }

    public InstanceLimits withLimiter(ResourceLimiter l) { return new InstanceLimits(memoryPages, tableElements, maxCallDepth, fuel, l); }
}
