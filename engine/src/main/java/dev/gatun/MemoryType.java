package dev.gatun;

import java.util.Objects;

/**
 * A memory type ({@code memtype}): limits in 64 KiB pages, the threads proposal's shared flag, and the
 * address type ({@code address64}: a memory64 memory, indexed by i64, as the JS API's {@code address: "i64"}).
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
        if (shared && limits.max().isEmpty())
            throw new IllegalArgumentException("shared memory must have maximum");
    }

    /** A 32-bit memory type. */
    public MemoryType(Limits limits, boolean shared) { this(limits, shared, false); }

    /** A 64-bit memory of at least {@code minPages} pages, without maximum. */
    public static MemoryType of64(long minPages) { return new MemoryType(Limits.of(minPages), false, true); }

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
    public String toString() { return "memory " + (address64 ? "i64 " : "") + limits + (shared ? " shared" : ""); }
}
