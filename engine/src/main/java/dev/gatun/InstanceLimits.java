package dev.gatun;

/**
 * Resource caps an embedder places on one instance, for running untrusted modules: whatever a module
 * declares, the memories it defines never reserve or commit more than {@code memoryPages} 64 KiB pages
 * ({@code memory.grow} beyond it returns -1, as the spec allows). Imported memories keep the caps they
 * were created with ({@link Memory#Memory(MemoryType, long)}).
 *
 * @param memoryPages cap in pages for each memory the instance defines, or -1 for none
 */
public record InstanceLimits(long memoryPages) {
    /** No caps beyond the module's own declarations (and 4 GiB per 32-bit memory). */
    public static final InstanceLimits NONE = new InstanceLimits(-1);

    public InstanceLimits {
        if (memoryPages < -1) throw new IllegalArgumentException("memoryPages must be -1 (none) or a page count: " + memoryPages);
    }

    public static InstanceLimits memoryPages(long pages) { return new InstanceLimits(pages); }
}
