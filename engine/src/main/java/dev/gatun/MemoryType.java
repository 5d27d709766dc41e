package dev.gatun;

import java.util.Objects;

/** A memory type ({@code memtype}): limits in 64 KiB pages, and the threads proposal's shared flag. */
public record MemoryType(Limits limits, boolean shared) implements ExternType {
    /** Largest page count of a 32-bit memory (4 GiB). */
    public static final long MAX_PAGES = 65536;

    public MemoryType {
        Objects.requireNonNull(limits, "limits");
        if (limits.min() > MAX_PAGES || limits.max().orElse(0) > MAX_PAGES)
            throw new IllegalArgumentException("memory size must be at most 65536 pages (4GiB)");
        if (shared && limits.max().isEmpty())
            throw new IllegalArgumentException("shared memory must have maximum");
    }

    public static MemoryType of(long minPages) { return new MemoryType(Limits.of(minPages), false); }

    public static MemoryType of(long minPages, long maxPages) { return new MemoryType(Limits.of(minPages, maxPages), false); }

    /**
     * A shared memory type (threads proposal), as JS {@code new WebAssembly.Memory({initial, maximum,
     * shared: true})}: one {@link Memory} of this type can be imported by many instances, each used on its
     * own thread; a shared memory must declare its maximum, since all its users must agree on the reservation.
     */
    public static MemoryType shared(long minPages, long maxPages) {
        return new MemoryType(Limits.of(minPages, maxPages), true);
    }

    @Override
    public ExternKind kind() { return ExternKind.MEMORY; }

    @Override
    public String toString() { return "memory " + limits + (shared ? " shared" : ""); }
}
