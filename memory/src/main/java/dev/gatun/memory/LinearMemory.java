package dev.gatun.memory;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A Wasm linear memory: off-heap, growing without moving, bounds-checked on every access.
 *
 * <h2>Layout</h2>
 * On Linux (x86_64, aarch64) the memory reserves, once, the address space of the largest size it may reach
 * (the declared maximum, else 65,536 pages = 4 GiB, never more than the embedder's cap) plus a guard region,
 * with {@code mmap(PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE)}; {@link #grow} commits pages with
 * {@code mprotect}. The base address never changes and growing never copies: its cost depends on the pages
 * added, not on the memory's size.
 *
 * <p>Elsewhere (other systems, or when the downcalls cannot be linked) a fallback keeps the bytes in a
 * shared-arena allocation that a grow beyond its capacity replaces with a copy; capacity at least doubles,
 * so page-by-page growth copies O(final size) bytes in total, but one grow can copy the whole memory and
 * briefly needs old plus new capacity. See {@link #growsInPlace()}. Both present the same kind of
 * {@link MemorySegment} (native, shared arena) to the access paths, so the JIT sees one receiver type.
 *
 * <h2>Views</h2>
 * {@link #segment()} returns a native segment over exactly the committed bytes. Each grow publishes a new
 * view (through a volatile field). A view taken before a grow
 * <ul>
 *   <li>stays valid and keeps reading and writing the same bytes as the memory (unlike a JavaScript
 *       {@code ArrayBuffer}, it never detaches), but covers only the old size: take a fresh view to see the
 *       new pages. This holds whenever {@link #growsInPlace()} is true, that is on the mmap path;</li>
 *   <li>on the copying fallback, stays valid only while grows fit the current allocation; after a grow that
 *       reallocated, accessing it throws {@link IllegalStateException} (its allocation was freed), and the
 *       data is in the new view.</li>
 * </ul>
 * After {@link #close()}, every view and every accessor throws {@link IllegalStateException}.
 *
 * <h2>Release</h2>
 * {@link #close()} frees the memory at once. A memory that becomes unreachable without being closed is freed
 * by a {@link Cleaner} after the garbage collector finds it. On the mmap path a view keeps the range alive
 * (it is freed when the memory and all its views are unreachable); on the copying fallback a view that
 * outlives its memory throws {@link IllegalStateException} like one of a closed memory. Mapped memories count against a process-wide budget of reservations
 * (see {@code Reservations}): creating one beyond it first lets the collector free unreachable memories and
 * then throws {@link ReservationLimitException}, never exhausting the process's mappings.
 *
 * <h2>Access</h2>
 * Guest accessors ({@code load*}, {@code store*}, {@link #fill}, {@link #copy}, {@link #copyFrom},
 * {@link #init}) take an effective address as a {@code long} (see {@link #effectiveAddress}) and throw
 * {@link OutOfBoundsException}, the Wasm trap, before touching memory when any accessed byte is outside the
 * committed size. All multi-byte accesses are little-endian and need no alignment. Embedder methods
 * ({@code read}, {@code write}) throw {@link IndexOutOfBoundsException} or {@link IllegalArgumentException}
 * with a message instead.
 *
 * <h2>Threads</h2>
 * Accesses may come from any thread. {@link #grow} and {@link #close} are synchronized, so concurrent grows
 * are atomic with respect to each other, and a grow commits its pages before it publishes the longer view:
 * the size any thread reads only grows and every byte below it is accessible. A thread that does not see a
 * concurrent grow yet re-reads the published view before it reports an out-of-bounds access. A
 * {@link #shared()} memory (threads proposal) is one reservation every instance importing it uses; on the
 * copying fallback it is allocated at its limit so it never moves. {@link #waiters()} holds the threads
 * parked in {@code memory.atomic.wait} on it.
 * Closing while other threads access the memory makes their accesses throw {@link IllegalStateException},
 * never crash.
 */
public final class LinearMemory implements AutoCloseable {
    /** Pages of a 32-bit memory's address space (4 GiB). */
    public static final long MAX_PAGES = Pages.MAX_PAGES_32;
    /**
     * The most pages a 64-bit memory reserves: its type allows up to 2^48 pages (2^64 bytes), far beyond any
     * address space, so its reservation is its declared maximum or embedder cap bounded by this ceiling
     * (system property {@code gatun.memory.max64Pages}, default 2^20 pages = 64 GiB). A 64 GiB
     * {@code PROT_NONE} reservation costs address space only; the budget in {@code Reservations} still counts it.
     */
    public static final long MAX64_RESERVED_PAGES = Math.max(1, Math.min(Pages.MAX_PAGES_64,
            Long.getLong("gatun.memory.max64Pages", 1L << 20)));

    // Constant (static final) layouts so C2 folds their VarHandles; unaligned, so no alignment check.
    private static final ValueLayout.OfByte I8 = ValueLayout.JAVA_BYTE;
    private static final ValueLayout.OfShort I16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final long maxPages;
    private final long capPages;
    private final long limitPages;
    private final boolean shared;
    private final boolean address64;
    private final Backing backing;
    /** Threads parked in {@code memory.atomic.wait} on this memory; every instance importing it shares them. */
    private final WaiterQueue waiters = new WaiterQueue();

    /** The view the access paths read: a plain field, refreshed from {@link #published} on a failed check. */
    private MemorySegment view;
    /** The latest view, written after every grow; other threads see new pages through it. */
    private volatile MemorySegment published;
    private long pages;
    private boolean closed;
    private String lastGrowFailure;

    private LinearMemory(long minPages, long maxPages, long capPages, boolean shared, boolean address64, Backing backing) {
        this.maxPages = maxPages;
        this.capPages = capPages;
        this.limitPages = limit(maxPages, capPages, address64);
        this.shared = shared;
        this.address64 = address64;
        this.backing = backing;
        this.pages = minPages;
        this.view = backing.initialView();
        this.published = view;
        backing.registerCleanup(CLEANER, this);
    }

    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "gatun-memory-cleaner");
        t.setDaemon(true);
        return t;
    });

    /**
     * Creates a 32-bit memory of {@code minPages} pages.
     *
     * @param minPages initial size in 64 KiB pages, 0..65,536
     * @param maxPages declared maximum, {@code minPages}..65,536, or -1 for none
     * @param capPages the most pages the embedder allows this memory, or -1 for no cap: the memory never
     *                 reserves nor commits more than {@code min(maxPages, capPages)} pages
     * @param shared   the threads proposal's shared flag; a shared memory must declare a maximum
     * @throws IllegalArgumentException if the limits are invalid, a shared memory has no maximum, or the
     *                                  minimum exceeds the cap
     * @throws NativeMemoryException    if reserving or committing the address range failed (errno in the message)
     * @throws OutOfMemoryError         if the copying fallback could not allocate the initial size
     */
    public static LinearMemory create(long minPages, long maxPages, long capPages, boolean shared) {
        return createBacked(minPages, maxPages, capPages, shared, false, Mman.UNAVAILABLE == null);
    }

    /**
     * Creates a memory of either address type. A 64-bit ({@code memory64}) memory takes limits up to 2^48
     * pages; it reserves at most {@link #MAX64_RESERVED_PAGES} pages, and growing beyond that fails like
     * growing beyond a cap. Otherwise as {@link #create(long, long, long, boolean)}.
     */
    public static LinearMemory create(long minPages, long maxPages, long capPages, boolean shared, boolean address64) {
        return createBacked(minPages, maxPages, capPages, shared, address64, Mman.UNAVAILABLE == null);
    }

    /** Same as {@code create(minPages, maxPages, -1, false)}. */
    public static LinearMemory create(long minPages, long maxPages) {
        return create(minPages, maxPages, -1, false);
    }

    /** Chooses the backing explicitly; tests use it to run every case on both. */
    static LinearMemory createBacked(long minPages, long maxPages, long capPages, boolean shared, boolean address64, boolean mapped) {
        long most = address64 ? Pages.MAX_PAGES_64 : MAX_PAGES;
        if (minPages < 0 || minPages > most)
            throw new IllegalArgumentException("minimum " + minPages + " pages is outside 0.." + most);
        if (maxPages != -1 && (maxPages < minPages || maxPages > most))
            throw new IllegalArgumentException("maximum " + maxPages + " pages is outside " + minPages + ".."
                    + most + (address64 ? "" : " (minimum..4 GiB)") + ", and not -1 for none");
        if (address64 && minPages > MAX64_RESERVED_PAGES)
            throw new IllegalArgumentException("minimum " + minPages + " pages exceeds the 64-bit reservation ceiling of "
                    + MAX64_RESERVED_PAGES + " pages (gatun.memory.max64Pages)");
        if (capPages < -1)
            throw new IllegalArgumentException("cap " + capPages + " pages is negative, and not -1 for none");
        if (capPages != -1 && minPages > capPages)
            throw new IllegalArgumentException("minimum " + minPages + " pages exceeds the embedder's cap of "
                    + capPages + " pages");
        if (shared && maxPages == -1)
            throw new IllegalArgumentException("a shared memory must declare a maximum");
        if (mapped && Mman.UNAVAILABLE != null)
            throw new IllegalArgumentException("mmap-based memory is unavailable: " + Mman.UNAVAILABLE);
        long limitBytes = Pages.toBytes(limit(maxPages, capPages, address64));
        long initialBytes = Pages.toBytes(minPages);
        Backing backing = mapped ? new MappedBacking(limitBytes, initialBytes)
                : new CopyingBacking(limitBytes, initialBytes, shared);
        return new LinearMemory(minPages, maxPages, capPages, shared, address64, backing);
    }

    private static long limit(long maxPages, long capPages, boolean address64) {
        long ceiling = address64 ? MAX64_RESERVED_PAGES : MAX_PAGES;
        long limit = maxPages == -1 ? ceiling : Math.min(maxPages, ceiling);
        return capPages == -1 ? limit : Math.min(limit, capPages);
    }

    /** Whether the mmap path is usable on this machine; when not, {@link #create} uses the copying fallback. */
    public static boolean mappingAvailable() { return Mman.UNAVAILABLE == null; }

    /** Why the mmap path is unusable here, or null when it is usable. */
    public static String mappingUnavailableReason() { return Mman.UNAVAILABLE; }

    /**
     * The effective address of a Wasm memory instruction: {@code address} and {@code offset} as unsigned
     * 32-bit values, added in 64 bits so the sum cannot wrap.
     */
    public static long effectiveAddress(int address, int offset) {
        return Integer.toUnsignedLong(address) + Integer.toUnsignedLong(offset);
    }

    // ---------------------------------------------------------------- size and growth

    /** Current size in pages. */
    public long pages() { return published.byteSize() / Pages.PAGE_SIZE; }

    /** Current size in bytes (pages × 65,536). */
    public long byteSize() { return published.byteSize(); }

    /** The declared maximum in pages, or -1 when none was declared. */
    public long maxPages() { return maxPages; }

    /** The embedder's cap in pages, or -1 for none. */
    public long capPages() { return capPages; }

    /** The most pages {@link #grow} can ever reach: min(declared maximum or 65,536, cap). */
    public long limitPages() { return limitPages; }

    /** Whether this memory was created shared. */
    public boolean shared() { return shared; }

    /** Whether this is a 64-bit ({@code memory64}) memory. */
    public boolean address64() { return address64; }

    /** The wait/notify lists of this memory, shared by all instances and threads that access it. */
    public WaiterQueue waiters() { return waiters; }

    /**
     * Whether this memory grows in place (the mmap path): the base address never changes and views taken
     * before a grow keep aliasing it. False for the copying fallback.
     */
    public boolean growsInPlace() { return backing.growsInPlace(); }

    /**
     * Grows the memory by {@code deltaPages} pages, zero-filled ({@code memory.grow}).
     *
     * @param deltaPages pages to add, as an unsigned value (a Wasm {@code i32} operand passes
     *                   {@code Integer.toUnsignedLong(n)})
     * @return the previous size in pages, or -1 if the memory cannot grow that much: beyond the declared
     *         maximum, the embedder's cap, 4 GiB, or because committing failed ({@link #lastGrowFailure()}
     *         says which). A failed grow leaves the memory unchanged.
     * @throws IllegalArgumentException if {@code deltaPages} is negative
     * @throws IllegalStateException    if the memory is closed
     */
    public synchronized long grow(long deltaPages) {
        if (deltaPages < 0) throw new IllegalArgumentException("negative page delta " + deltaPages);
        if (closed) throw new IllegalStateException("memory is closed");
        long old = pages;
        if (deltaPages == 0) return old;
        if (deltaPages > limitPages - old) {
            lastGrowFailure = "growing " + old + " pages by " + deltaPages + " exceeds "
                    + (capPages != -1 && capPages == limitPages && (maxPages == -1 || capPages < maxPages)
                            ? "the embedder's cap of " + capPages + " pages"
                            : maxPages != -1 && maxPages == limitPages ? "the declared maximum of " + maxPages + " pages"
                                    : address64 ? limitPages + " pages, the reservation ceiling of a 64-bit memory (gatun.memory.max64Pages)"
                                    : "65536 pages (4 GiB), the limit of a 32-bit memory");
            return -1;
        }
        MemorySegment grown;
        try {
            grown = backing.grow(published, Pages.toBytes(old + deltaPages));
        } catch (NativeMemoryException e) {
            lastGrowFailure = "growing " + old + " pages by " + deltaPages + ": " + e.getMessage();
            return -1;
        } catch (OutOfMemoryError e) {
            lastGrowFailure = "growing " + old + " pages by " + deltaPages + ": " + e;
            return -1;
        }
        pages = old + deltaPages;
        view = grown;
        published = grown;
        return old;
    }

    /** Why the most recent {@link #grow} returned -1, or null if none has failed. */
    public synchronized String lastGrowFailure() { return lastGrowFailure; }

    /**
     * The committed bytes as a native segment, {@code byteSize() == byteSize()} of the memory at the time of
     * the call. See the class documentation for what it sees after a later grow.
     */
    public MemorySegment segment() { return published; }

    /**
     * Frees the memory (unmaps the reservation, or frees the fallback's allocation). Idempotent. Afterwards
     * every view and accessor throws {@link IllegalStateException}.
     *
     * @throws NativeMemoryException if {@code munmap} failed (the views are already invalid then)
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        backing.release();
    }

    /** Whether {@link #close()} was called. */
    public synchronized boolean isClosed() { return closed; }

    /** The mapped range's start, or 0 on the fallback. For tests of the pool. */
    long reservationBase() {
        return backing instanceof MappedBacking m ? m.base() : 0;
    }

    /** The mapped range's size, guard included, or 0 on the fallback. For tests. */
    long reservedBytes() {
        return backing instanceof MappedBacking m ? m.reservedBytes() : 0;
    }

    /** Bytes the fallback has allocated; the whole reservation's usable part on the mmap path. For tests. */
    long capacityBytes() {
        return backing instanceof CopyingBacking c ? c.capacityBytes() : Pages.toBytes(limitPages);
    }

    // ---------------------------------------------------------------- guest accessors (trap on OOB)

    /**
     * The view to access {@code [ea, ea + n)} through, after checking it lies inside the memory. Used where
     * one check must cover more than the segment access itself checks (v128, bulk).
     */
    private MemorySegment at(long ea, long n) {
        MemorySegment s = view;
        // One branch for both "ea negative" and "ea + n beyond the end": the OR is negative iff either is.
        if ((ea | (s.byteSize() - n - ea)) < 0) return refreshed(ea, n);
        return s;
    }

    /**
     * Cold path of every access whose check failed: another thread may have grown the memory, so re-read
     * the published view and return it if the access fits; else it is the Wasm trap.
     */
    private MemorySegment refreshed(long ea, long n) {
        MemorySegment p = published;
        if ((ea | (p.byteSize() - n - ea)) < 0) throw new OutOfBoundsException(ea, n, p.byteSize());
        view = p;
        return p;
    }

    // The scalar accessors let the view's own bounds check (done before the access, against exactly the
    // committed size) be the Wasm check, and turn its IndexOutOfBoundsException into the trap: measured,
    // an extra explicit check in front of it stopped C2 from optimising loops (8x slower sequential loads).

    /** Loads one byte, sign as stored ({@code i32.load8_s} sign-extends it, {@code load8_u} masks it). */
    public byte loadI8(long ea) {
        try {
            return view.get(I8, ea);
        } catch (IndexOutOfBoundsException e) {
            return refreshed(ea, 1).get(I8, ea);
        }
    }

    /** Loads one byte zero-extended ({@code i32.load8_u}, {@code i64.load8_u}). */
    public int loadU8(long ea) { return Byte.toUnsignedInt(loadI8(ea)); }

    /** Loads 2 bytes little-endian. */
    public short loadI16(long ea) {
        try {
            return view.get(I16, ea);
        } catch (IndexOutOfBoundsException e) {
            return refreshed(ea, 2).get(I16, ea);
        }
    }

    /** Loads 2 bytes little-endian, zero-extended. */
    public int loadU16(long ea) { return Short.toUnsignedInt(loadI16(ea)); }

    /** Loads 4 bytes little-endian ({@code i32.load}; {@code f32.load} as raw bits). */
    public int loadI32(long ea) {
        try {
            return view.get(I32, ea);
        } catch (IndexOutOfBoundsException e) {
            return refreshed(ea, 4).get(I32, ea);
        }
    }

    /** Loads 4 bytes little-endian, zero-extended ({@code i64.load32_u}). */
    public long loadU32(long ea) { return Integer.toUnsignedLong(loadI32(ea)); }

    /** Loads 8 bytes little-endian ({@code i64.load}; {@code f64.load} as raw bits). */
    public long loadI64(long ea) {
        try {
            return view.get(I64, ea);
        } catch (IndexOutOfBoundsException e) {
            return refreshed(ea, 8).get(I64, ea);
        }
    }

    /** Low 8 bytes of the 16 at {@code ea} ({@code v128.load}); checks all 16. */
    public long loadV128Low(long ea) { return at(ea, 16).get(I64, ea); }

    /** High 8 bytes of the 16 at {@code ea} ({@code v128.load}); checks all 16. */
    public long loadV128High(long ea) { return at(ea, 16).get(I64, ea + 8); }

    /** Stores one byte ({@code i32.store8}, {@code i64.store8}). */
    public void storeI8(long ea, byte value) {
        try {
            view.set(I8, ea, value);
        } catch (IndexOutOfBoundsException e) {
            refreshed(ea, 1).set(I8, ea, value);
        }
    }

    /** Stores 2 bytes little-endian. */
    public void storeI16(long ea, short value) {
        try {
            view.set(I16, ea, value);
        } catch (IndexOutOfBoundsException e) {
            refreshed(ea, 2).set(I16, ea, value);
        }
    }

    /** Stores 4 bytes little-endian ({@code i32.store}, {@code i64.store32}; {@code f32.store} as raw bits). */
    public void storeI32(long ea, int value) {
        try {
            view.set(I32, ea, value);
        } catch (IndexOutOfBoundsException e) {
            refreshed(ea, 4).set(I32, ea, value);
        }
    }

    /** Stores 8 bytes little-endian ({@code i64.store}; {@code f64.store} as raw bits). */
    public void storeI64(long ea, long value) {
        try {
            view.set(I64, ea, value);
        } catch (IndexOutOfBoundsException e) {
            refreshed(ea, 8).set(I64, ea, value);
        }
    }

    /** Stores 16 bytes little-endian ({@code v128.store}); checks all 16 before writing any. */
    public void storeV128(long ea, long low, long high) {
        MemorySegment s = at(ea, 16);
        s.set(I64, ea, low);
        s.set(I64, ea + 8, high);
    }

    /** Checks that {@code [ea, ea + length)} is inside the memory, else throws the trap. */
    public void checkAccess(long ea, long length) {
        if (length < 0) throw new OutOfBoundsException(ea, length, byteSize());
        at(ea, length);
    }

    // ---------------------------------------------------------------- guest bulk operations (trap on OOB)

    /** {@code memory.fill}: sets {@code len} bytes at {@code dst} to {@code value}. */
    public void fill(long dst, byte value, long len) {
        MemorySegment s = bulk(dst, len);
        if (len != 0) s.asSlice(dst, len).fill(value);
    }

    /** {@code memory.copy} within this memory, with {@code memmove} semantics for overlapping ranges. */
    public void copy(long dst, long src, long len) {
        MemorySegment s = bulk(dst, len);
        bulkCheck(s, src, len);
        if (len != 0) MemorySegment.copy(s, src, s, dst, len);
    }

    /** {@code memory.copy} from another memory ({@code multi-memory}); {@code src} may be this memory. */
    public void copyFrom(LinearMemory src, long srcOffset, long dst, long len) {
        MemorySegment d = bulk(dst, len);
        MemorySegment s = src.bulk(srcOffset, len);
        if (len != 0) MemorySegment.copy(s, srcOffset, d, dst, len);
    }

    /**
     * {@code memory.init}: copies {@code len} bytes of a data segment from {@code srcOffset} to {@code dst}.
     * Traps if either range is out of bounds, including when {@code len} is 0 and an offset is past the end.
     */
    public void init(long dst, byte[] data, int srcOffset, int len) {
        MemorySegment s = bulk(dst, len);
        if (srcOffset < 0 || len < 0 || srcOffset > data.length - len)
            throw new OutOfBoundsException(Integer.toUnsignedLong(srcOffset), len, data.length);
        if (len != 0) MemorySegment.copy(data, srcOffset, s, I8, dst, len);
    }

    private MemorySegment bulk(long offset, long len) {
        MemorySegment s = view;
        if (len < 0 || (offset | (s.byteSize() - len - offset)) < 0) return refreshedBulk(offset, len);
        return s;
    }

    private MemorySegment refreshedBulk(long offset, long len) {
        MemorySegment p = published;
        bulkCheck(p, offset, len);
        view = p;
        return p;
    }

    private static void bulkCheck(MemorySegment s, long offset, long len) {
        if (len < 0 || (offset | (s.byteSize() - len - offset)) < 0)
            throw new OutOfBoundsException(offset, len, s.byteSize());
    }

    // ---------------------------------------------------------------- embedder bulk access

    /**
     * Copies {@code len} bytes at {@code offset} into {@code dst[dstOffset ..]}.
     *
     * @throws IndexOutOfBoundsException if either range is outside its memory or array
     * @throws IllegalStateException     if the memory is closed
     */
    public void read(long offset, byte[] dst, int dstOffset, int len) {
        Objects.requireNonNull(dst, "dst");
        checkArray("destination", dst.length, dstOffset, len);
        MemorySegment.copy(checked(offset, len), I8, offset, dst, dstOffset, len);
    }

    /**
     * Copies {@code src[srcOffset .. srcOffset + len)} to {@code offset}.
     *
     * @throws IndexOutOfBoundsException if either range is outside its memory or array
     * @throws IllegalStateException     if the memory is closed
     */
    public void write(long offset, byte[] src, int srcOffset, int len) {
        Objects.requireNonNull(src, "src");
        checkArray("source", src.length, srcOffset, len);
        MemorySegment.copy(src, srcOffset, checked(offset, len), I8, offset, len);
    }

    /**
     * Fills {@code dst}'s remaining bytes from {@code offset} and advances its position.
     *
     * @throws IndexOutOfBoundsException if the range is outside the memory
     * @throws IllegalArgumentException  if {@code dst} is read-only
     * @throws IllegalStateException     if the memory is closed
     */
    public void read(long offset, ByteBuffer dst) {
        Objects.requireNonNull(dst, "dst");
        if (dst.isReadOnly()) throw new IllegalArgumentException("destination buffer is read-only");
        int len = dst.remaining();
        MemorySegment.copy(checked(offset, len), offset, MemorySegment.ofBuffer(dst), 0, len);
        dst.position(dst.position() + len);
    }

    /**
     * Writes {@code src}'s remaining bytes to {@code offset} and advances its position.
     *
     * @throws IndexOutOfBoundsException if the range is outside the memory
     * @throws IllegalStateException     if the memory is closed
     */
    public void write(long offset, ByteBuffer src) {
        Objects.requireNonNull(src, "src");
        int len = src.remaining();
        MemorySegment.copy(MemorySegment.ofBuffer(src), 0, checked(offset, len), offset, len);
        src.position(src.position() + len);
    }

    /**
     * Copies {@code dst.byteSize()} bytes from {@code offset} into {@code dst}.
     *
     * @throws IndexOutOfBoundsException if the range is outside the memory
     * @throws IllegalArgumentException  if {@code dst} is read-only
     * @throws IllegalStateException     if the memory or {@code dst}'s arena is closed
     * @throws WrongThreadException      if {@code dst} is confined to another thread
     */
    public void read(long offset, MemorySegment dst) {
        Objects.requireNonNull(dst, "dst");
        if (dst.isReadOnly()) throw new IllegalArgumentException("destination segment is read-only");
        long len = dst.byteSize();
        MemorySegment.copy(checked(offset, len), offset, dst, 0, len);
    }

    /**
     * Copies all of {@code src} to {@code offset}.
     *
     * @throws IndexOutOfBoundsException if the range is outside the memory
     * @throws IllegalStateException     if the memory or {@code src}'s arena is closed
     * @throws WrongThreadException      if {@code src} is confined to another thread
     */
    public void write(long offset, MemorySegment src) {
        Objects.requireNonNull(src, "src");
        long len = src.byteSize();
        MemorySegment.copy(src, 0, checked(offset, len), offset, len);
    }

    /**
     * The current view after checking that {@code [offset, offset + len)} lies inside it, for embedder APIs.
     *
     * @throws IndexOutOfBoundsException with a message naming the range and the memory size
     */
    public MemorySegment checked(long offset, long len) {
        MemorySegment s = published;
        if (len < 0 || (offset | (s.byteSize() - len - offset)) < 0)
            throw new IndexOutOfBoundsException("range of " + len + " byte(s) at offset " + offset
                    + " is outside the memory of " + s.byteSize() + " bytes");
        return s;
    }

    private static void checkArray(String what, int arrayLength, int offset, int len) {
        if (offset < 0 || len < 0 || offset > arrayLength - len)
            throw new IndexOutOfBoundsException("range of " + len + " byte(s) at index " + offset
                    + " is outside the " + what + " array of length " + arrayLength);
    }

    @Override
    public String toString() {
        return "LinearMemory[" + pages() + " pages, max " + (maxPages == -1 ? "none" : maxPages)
                + (capPages == -1 ? "" : ", cap " + capPages) + (shared ? ", shared" : "")
                + (growsInPlace() ? ", mapped" : ", copying") + "]";
    }
}
