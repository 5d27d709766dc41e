package dev.gatun.wasi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian access to guest memory at guest addresses (unsigned 32-bit). Out-of-range accesses throw
 * IndexOutOfBoundsException, which {@link Errno#of} turns into EFAULT.
 */
final class Mem {
    private Mem() {}

    static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    static long u(int ptr) { return Integer.toUnsignedLong(ptr); }

    static int getI32(MemorySegment m, int ptr) { return m.get(U32, u(ptr)); }

    static void putI32(MemorySegment m, int ptr, int v) { m.set(U32, u(ptr), v); }

    static void putI64(MemorySegment m, long addr, long v) { m.set(U64, addr, v); }

    static String string(MemorySegment m, int ptr, int len) {
        byte[] b = m.asSlice(u(ptr), u(len)).toArray(JAVA_BYTE);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** The buffers of an iovec/ciovec array, as byte buffers over guest memory (no copy). */
    static ByteBuffer[] iovecs(MemorySegment m, int iovs, int count) {
        if (count < 0) throw new IndexOutOfBoundsException();
        ByteBuffer[] out = new ByteBuffer[count];
        for (int i = 0; i < count; i++) {
            long at = u(iovs) + 8L * i;
            long buf = Integer.toUnsignedLong(m.get(U32, at));
            long len = Integer.toUnsignedLong(m.get(U32, at + 4));
            out[i] = m.asSlice(buf, len).asByteBuffer();
        }
        return out;
    }
}
