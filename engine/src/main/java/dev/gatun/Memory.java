package dev.gatun;

import dev.gatun.memory.LinearMemory;
import dev.gatun.memory.NativeMemoryException;
import dev.gatun.memory.ReservationLimitException;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A Wasm memory instance as the embedder sees it: created from Java (to import into modules) or exported by
 * an instance. All bytes are off-heap, in one address range reserved when the memory is made: pages are
 * committed in place as it grows, so its base address never moves (what a {@link #segment() view} sees
 * after a grow is said there).
 *
 * <p>Offsets are byte offsets into the memory. Accessors are little-endian, like Wasm, need no alignment,
 * and throw {@link IndexOutOfBoundsException} (with the range and the memory size in the message) when the
 * bytes are outside the memory. After {@link #close()}, every access throws {@link IllegalStateException}.
 *
 * <p><b>Pointers.</b> Every accessor takes a {@code long} offset, and has an {@code int} overload that reads
 * its argument as an <em>unsigned</em> 32-bit Wasm pointer: an {@code i32} the module returned at or above
 * 2 GiB is negative in Java, and {@code readInt(ptr)} with that {@code int} still reads at
 * {@code Integer.toUnsignedLong(ptr)}. Widening such an {@code int} to {@code long} yourself keeps its sign
 * (a negative offset, which throws); use {@link #address(int)} for that.
 */
public final class Memory implements Extern, AutoCloseable {
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble DOUBLE =
            ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final MemoryType declared;
    private final LinearMemory linear;

    /**
     * Creates a memory of {@code type.limits().min()} pages.
     *
     * @throws IllegalArgumentException if {@code type} is shared without a maximum
     * @throws RuntimeError             of kind {@link RuntimeError.Trap#RESOURCE_EXHAUSTED} if the address range
     *                                  could not be reserved (the process's reservation budget, or the system's)
     */
    public Memory(MemoryType type) {
        this(type, -1);
    }

    /**
     * Creates a memory that may never hold more than {@code capPages} pages, whatever its type allows:
     * it reserves and commits at most that much, and {@link #grow} fails beyond it.
     *
     * @param capPages the embedder's cap in 64 KiB pages, or -1 for none
     * @throws IllegalArgumentException if the minimum exceeds the cap, {@code capPages < -1}, or
     *                                  {@code type} is shared without a maximum
     * @throws RuntimeError             of kind {@link RuntimeError.Trap#RESOURCE_EXHAUSTED} if the address range
     *                                  could not be reserved (the process's reservation budget, or the system's)
     */
    public Memory(MemoryType type, long capPages) {
        this.declared = Objects.requireNonNull(type, "type");
        Limits limits = type.limits();
        try {
            this.linear = LinearMemory.create(limits.min(), limits.max().orElse(-1), capPages, type.shared(), type.address64());
        } catch (ReservationLimitException | NativeMemoryException e) {
            throw new RuntimeError(RuntimeError.Trap.RESOURCE_EXHAUSTED, "cannot allocate memory: " + e.getMessage(), java.util.List.of(), e);
        }
    }

    /**
     * The memory's current type: the declared maximum and shared flag, with the current size as minimum
     * (as the spec's memory instance type evolves with {@code memory.grow}).
     */
    public MemoryType type() {
        OptionalLong max = declared.limits().max();
        return new MemoryType(new Limits(linear.pages(), max), declared.shared(), declared.address64());
    }

    /** Current size in 64 KiB pages. */
    public long pages() { return linear.pages(); }

    /** Current size in bytes. */
    public long byteSize() { return linear.byteSize(); }

    /**
     * Grows by {@code deltaPages} zero-filled pages.
     *
     * @return the previous size in pages, or -1 if the memory cannot grow that much (declared maximum,
     *         embedder cap, 4 GiB, or the system refused); the memory is then unchanged
     * @throws IllegalArgumentException if {@code deltaPages} is negative
     * @throws IllegalStateException    if the memory is closed
     */
    public long grow(long deltaPages) {
        if (deltaPages < 0) throw new IllegalArgumentException("cannot grow by a negative page count: " + deltaPages);
        return linear.grow(deltaPages);
    }

    /**
     * A zero-copy view of the current bytes. It stays valid after a grow but covers only the size it was
     * taken at.
     */
    public MemorySegment segment() { return linear.segment(); }

    /**
     * A zero-copy view of {@code length} bytes at {@code offset} (valid until the memory is closed).
     *
     * @throws IndexOutOfBoundsException if the bytes are outside the memory
     */
    public MemorySegment slice(long offset, long length) {
        return linear.checked(offset, length).asSlice(offset, length);
    }

    /** Reads {@code len} bytes at {@code offset} into {@code dst[dstOffset ..]}. */
    public void read(long offset, byte[] dst, int dstOffset, int len) { linear.read(offset, dst, dstOffset, len); }

    /** Reads {@code dst.length} bytes at {@code offset}. */
    public void read(long offset, byte[] dst) { linear.read(offset, dst, 0, dst.length); }

    /** Copies {@code len} bytes at {@code offset} into a new array. */
    public byte[] read(long offset, int len) {
        if (len < 0) throw new IllegalArgumentException("negative length " + len);
        byte[] out = new byte[len];
        linear.read(offset, out, 0, len);
        return out;
    }

    /** Writes {@code src[srcOffset .. srcOffset + len)} at {@code offset}. */
    public void write(long offset, byte[] src, int srcOffset, int len) { linear.write(offset, src, srcOffset, len); }

    /** Writes all of {@code src} at {@code offset}. */
    public void write(long offset, byte[] src) { linear.write(offset, src, 0, src.length); }

    /**
     * Fills {@code dst}'s remaining bytes from {@code offset} and advances its position.
     *
     * @throws IllegalArgumentException if {@code dst} is read-only
     */
    public void read(long offset, ByteBuffer dst) { linear.read(offset, dst); }

    /** Writes {@code src}'s remaining bytes at {@code offset} and advances its position. */
    public void write(long offset, ByteBuffer src) { linear.write(offset, src); }

    /**
     * Copies {@code dst.byteSize()} bytes at {@code offset} into {@code dst}.
     *
     * @throws IllegalArgumentException if {@code dst} is read-only
     * @throws IllegalStateException    if {@code dst}'s arena is closed
     * @throws WrongThreadException     if {@code dst} is confined to another thread
     */
    public void read(long offset, MemorySegment dst) { linear.read(offset, dst); }

    /**
     * Writes all of {@code src} at {@code offset}.
     *
     * @throws IllegalStateException if {@code src}'s arena is closed
     * @throws WrongThreadException  if {@code src} is confined to another thread
     */
    public void write(long offset, MemorySegment src) { linear.write(offset, src); }

    public byte readByte(long offset) { return linear.checked(offset, 1).get(ValueLayout.JAVA_BYTE, offset); }

    public short readShort(long offset) { return linear.checked(offset, 2).get(SHORT, offset); }

    public int readInt(long offset) { return linear.checked(offset, 4).get(INT, offset); }

    public long readLong(long offset) { return linear.checked(offset, 8).get(LONG, offset); }

    public float readFloat(long offset) { return linear.checked(offset, 4).get(FLOAT, offset); }

    public double readDouble(long offset) { return linear.checked(offset, 8).get(DOUBLE, offset); }

    public void writeByte(long offset, byte value) { linear.checked(offset, 1).set(ValueLayout.JAVA_BYTE, offset, value); }

    public void writeShort(long offset, short value) { linear.checked(offset, 2).set(SHORT, offset, value); }

    public void writeInt(long offset, int value) { linear.checked(offset, 4).set(INT, offset, value); }

    public void writeLong(long offset, long value) { linear.checked(offset, 8).set(LONG, offset, value); }

    public void writeFloat(long offset, float value) { linear.checked(offset, 4).set(FLOAT, offset, value); }

    public void writeDouble(long offset, double value) { linear.checked(offset, 8).set(DOUBLE, offset, value); }

    // ---- unsigned 32-bit pointers: the same accessors, the int read as an unsigned address ----

    /** The offset an {@code i32} pointer designates: its unsigned value, 0 to 2^32 - 1. */
    public static long address(int pointer) { return Integer.toUnsignedLong(pointer); }

    public byte readByte(int pointer) { return readByte(address(pointer)); }

    public short readShort(int pointer) { return readShort(address(pointer)); }

    public int readInt(int pointer) { return readInt(address(pointer)); }

    public long readLong(int pointer) { return readLong(address(pointer)); }

    public float readFloat(int pointer) { return readFloat(address(pointer)); }

    public double readDouble(int pointer) { return readDouble(address(pointer)); }

    public void writeByte(int pointer, byte value) { writeByte(address(pointer), value); }

    public void writeShort(int pointer, short value) { writeShort(address(pointer), value); }

    public void writeInt(int pointer, int value) { writeInt(address(pointer), value); }

    public void writeLong(int pointer, long value) { writeLong(address(pointer), value); }

    public void writeFloat(int pointer, float value) { writeFloat(address(pointer), value); }

    public void writeDouble(int pointer, double value) { writeDouble(address(pointer), value); }

    /** {@link #read(long, int)} at an unsigned pointer. */
    public byte[] read(int pointer, int len) { return read(address(pointer), len); }

    /** {@link #write(long, byte[])} at an unsigned pointer. */
    public void write(int pointer, byte[] src) { write(address(pointer), src); }

    /** {@link #slice(long, long)} at an unsigned pointer. */
    public MemorySegment slice(int pointer, long length) { return slice(address(pointer), length); }

    // ---- strings ----

    /** Decodes {@code len} bytes at {@code offset} as UTF-8 (malformed input becomes U+FFFD). */
    public String readUtf8(long offset, int len) { return new String(read(offset, len), StandardCharsets.UTF_8); }

    /** {@link #readUtf8(long, int)} at an unsigned pointer. */
    public String readUtf8(int pointer, int len) { return readUtf8(address(pointer), len); }

    /**
     * Decodes the NUL-terminated UTF-8 string at {@code offset} (without the NUL).
     *
     * @throws IndexOutOfBoundsException if there is no NUL before the end of the memory
     */
    public String readCString(long offset) {
        MemorySegment s = linear.checked(offset, 0);
        long end = offset, size = s.byteSize();
        while (end < size && s.get(ValueLayout.JAVA_BYTE, end) != 0) end++;
        if (end == size) throw new IndexOutOfBoundsException("no NUL after offset " + offset + " in the memory of " + size + " bytes");
        if (end - offset > Integer.MAX_VALUE) throw new IndexOutOfBoundsException("string at " + offset + " is over 2 GiB");
        return readUtf8(offset, (int) (end - offset));
    }

    /** {@link #readCString(long)} at an unsigned pointer. */
    public String readCString(int pointer) { return readCString(address(pointer)); }

    /** Writes {@code s} as UTF-8 at {@code offset}, without a terminator; returns the byte count. */
    public int writeUtf8(long offset, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        write(offset, b);
        return b.length;
    }

    /** {@link #writeUtf8(long, String)} at an unsigned pointer. */
    public int writeUtf8(int pointer, String s) { return writeUtf8(address(pointer), s); }

    /** Writes {@code s} as UTF-8 followed by a NUL at {@code offset}; returns the byte count with the NUL. */
    public int writeCString(long offset, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] z = java.util.Arrays.copyOf(b, b.length + 1);
        write(offset, z);
        return z.length;
    }

    /** {@link #writeCString(long, String)} at an unsigned pointer. */
    public int writeCString(int pointer, String s) { return writeCString(address(pointer), s); }

    // ---- buffers ----

    /**
     * A little-endian {@link ByteBuffer} view of {@code length} bytes at {@code offset} (zero-copy; its
     * {@code asIntBuffer()}, {@code asLongBuffer()}, ... views are little-endian too, as Wasm stores them).
     */
    public ByteBuffer asByteBuffer(long offset, int length) {
        return slice(offset, length).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * A little-endian view of the whole memory as it is now.
     *
     * @throws UnsupportedOperationException if the memory is larger than a ByteBuffer can address (2 GiB)
     */
    public ByteBuffer asByteBuffer() {
        long n = byteSize();
        if (n > Integer.MAX_VALUE) throw new UnsupportedOperationException("memory of " + n + " bytes is over a ByteBuffer's 2 GiB; use asByteBuffer(offset, length) or segment()");
        return asByteBuffer(0, (int) n);
    }

    /** The bytes, for the instantiation code, which hands them to the engine's memory instance. */
    LinearMemory linear() { return linear; }

    /** Frees the memory. Idempotent. Instances using it must not run afterwards. */
    @Override
    public void close() { linear.close(); }

    @Override
    public String toString() { return "Memory[" + type() + "]"; }
}
