package dev.gatun;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.*;

/** Unsigned pointers, strings and buffer views on Memory; readable Values and v128 lanes. */
class PointerAndValueTest {
    @Test
    void aPointerAtOrAbove2GiBStaysUnsigned() {
        // 2 GiB + 1 page: a module's pointer into the last page is a negative int in Java.
        try (Memory m = new Memory(MemoryType.of(32769))) {
            int ptr = 0x8000_0010;
            assertTrue(ptr < 0);
            m.writeInt(ptr, 1234);
            assertEquals(1234, m.readInt(ptr));
            assertEquals(1234, m.readInt(0x8000_0010L));
            assertEquals(0x8000_0010L, Memory.address(ptr));
            assertEquals(0x8000_0010L, ((Value.I32) Value.i32(ptr)).unsignedValue());
            m.writeCString(ptr + 8, "high");
            assertEquals("high", m.readCString(ptr + 8));
            // Widening the int yourself keeps the sign: a negative offset, which throws (never reads elsewhere).
            long widened = ptr;
            assertThrows(IndexOutOfBoundsException.class, () -> m.readInt(widened));
        }
    }

    @Test
    void stringsAndLittleEndianViews() {
        try (Memory m = new Memory(MemoryType.of(1))) {
            assertEquals(6, m.writeUtf8(100, "héllo"));
            assertEquals("héllo", m.readUtf8(100, 6));
            assertEquals(4, m.writeCString(200, "abc"));
            assertEquals("abc", m.readCString(200));
            m.writeByte(65535, (byte) 'x');
            assertThrows(IndexOutOfBoundsException.class, () -> m.readCString(65535));
            m.writeInt(8, 0x01020304);
            ByteBuffer b = m.asByteBuffer();
            assertEquals(ByteOrder.LITTLE_ENDIAN, b.order());
            assertEquals(0x01020304, b.getInt(8));
            assertEquals(0x01020304, m.asByteBuffer(8, 4).asIntBuffer().get(0));
            b.putLong(16, -2L);
            assertEquals(-2L, m.readLong(16));
            assertThrows(IndexOutOfBoundsException.class, () -> m.asByteBuffer(65530, 8));
            assertEquals(4, m.slice(8, 4).byteSize());
        }
    }

    @Test
    void valuesPrintTheirNumbers() {
        assertEquals("i32 -5", Value.i32(-5).toString());
        assertEquals("i64 9", Value.i64(9).toString());
        assertEquals("f32 1.5", Value.f32(1.5f).toString());
        assertEquals("f64 -0.25", Value.f64(-0.25).toString());
        assertEquals("f32 nan:0x400000", Value.f32(Float.NaN).toString());
        assertEquals("f64 nan:0x1", Value.f64Bits(0x7FF0_0000_0000_0001L).toString());
        assertEquals("ref.null func", Value.funcref(null).toString());
        assertEquals("externref x", Value.externref("x").toString());
    }

    @Test
    void v128LanesAreNumberedAsInWasm() {
        Value.V128 v = Value.V128.ofI32(1, -2, 3, 0x7F80_0000);
        assertEquals(1, v.i32(0));
        assertEquals(-2, v.i32(1));
        assertEquals(0x7F80_0000, v.i32(3));
        assertEquals(Float.POSITIVE_INFINITY, v.f32(3));
        assertEquals(1, v.i8(0));
        assertEquals((byte) 0xFE, v.i8(4));
        assertEquals((short) 0xFFFE, v.i16(2));
        assertEquals(3, v.i8(8));
        assertEquals(0xFFFF_FFFE_0000_0001L, v.i64(0));
        assertEquals(Double.longBitsToDouble(v.hi()), v.f64(1));
        assertEquals(16, v.bytes().length);
        assertEquals((byte) 0x7F, v.bytes()[15]);
        assertThrows(IndexOutOfBoundsException.class, () -> v.i32(4));
        assertEquals("v128 i32x4 1 -2 3 2139095040", v.toString());
    }
}
