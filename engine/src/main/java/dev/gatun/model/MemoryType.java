package dev.gatun.model;

import java.util.Objects;

/**
 * A memory type ({@code memtype}): limits in 64 KiB pages, the threads proposal's shared flag, and the
 * address type ({@code address64}: a memory64 memory, indexed by i64).
 * <p>The engine's own twin of {@code dev.gatun.MemoryType}, which the API converts to and from.
 */
public record MemoryType(Limits limits, boolean shared, boolean address64) implements ExternType {
    /** Largest page count of a 32-bit memory (4 GiB). */
    public static final long MAX_PAGES = 65536;
    /** Largest page count of a 64-bit memory (2^48 pages: the whole 64-bit address space). */
    public static final long MAX_PAGES_64 = 1L << 48;

    public MemoryType {
        Objects.requireNonNull(limits, "limits");
        long most = address64 ? MAX_PAGES_64 : MAX_PAGES;
        if (limits.min() > most || limits.max().orElse(0) > most)
            throw new IllegalArgumentException(address64 ? "memory size must be at most 2^48 pages"
                    : "memory size must be at most 65536 pages (4GiB)");
    }

    /** A 32-bit memory type. */
    public MemoryType(Limits limits, boolean shared) { this(limits, shared, false); }

    @Override
    public ExternKind kind() { return ExternKind.MEMORY; }

    @Override
    public String toString() { return "memory " + (address64 ? "i64 " : "") + limits + (shared ? " shared" : ""); }
}
