package dev.gatun.model;

import java.util.Objects;

/**
 * A memory type ({@code memtype}): limits in 64 KiB pages, and the threads proposal's shared flag.
 * <p>The engine's own twin of {@code dev.gatun.MemoryType}, which the API converts to and from.
 */
public record MemoryType(Limits limits, boolean shared) implements ExternType {
    /** Largest page count of a 32-bit memory (4 GiB). */
    public static final long MAX_PAGES = 65536;

    public MemoryType {
        Objects.requireNonNull(limits, "limits");
        if (limits.min() > MAX_PAGES || limits.max().orElse(0) > MAX_PAGES)
            throw new IllegalArgumentException("memory size must be at most 65536 pages (4GiB)");
    }

    @Override
    public ExternKind kind() { return ExternKind.MEMORY; }

    @Override
    public String toString() { return "memory " + limits + (shared ? " shared" : ""); }
}
