package dev.gatun;

import dev.gatun.memory.LinearMemory;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.*;

class MemoryTest {
    private static final long PAGE = 65536;

    @Test
    void createGrowAndReportTheType() {
        try (Memory m = new Memory(MemoryType.of(1, 3))) {
            assertEquals(1, m.pages());
            assertEquals(PAGE, m.byteSize());
            assertEquals(1, m.grow(1));
            assertEquals(new MemoryType(Limits.of(2, 3), false), m.type());
            assertEquals(-1, m.grow(2));
            assertEquals(2, m.pages());
            assertThrows(IllegalArgumentException.class, () -> m.grow(-1));
            assertEquals("Memory[memory 2..3]", m.toString());
        }
    }

    @Test
    void theCapOverridesTheType() {
        try (Memory m = new Memory(MemoryType.of(1), 4)) {
            assertEquals(1, m.grow(3));
            assertEquals(-1, m.grow(1));
            assertEquals(OptionalLong.empty(), m.type().limits().max());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Memory(MemoryType.of(5), 4));
        assertTrue(e.getMessage().contains("cap of 4 pages"), e.getMessage());
    }

    @Test
    void sharedNeedsAMaximum() {
        assertThrows(IllegalArgumentException.class, () -> new Memory(new MemoryType(Limits.of(1), true)));
        try (Memory m = new Memory(new MemoryType(Limits.of(1, 2), true))) {
            assertTrue(m.type().shared());
            assertTrue(m.linear().shared());
        }
    }

    @Test
    void typedAccessIsLittleEndianAndChecked() {
        try (Memory m = new Memory(MemoryType.of(1))) {
            m.writeInt(0, 0x01020304);
            assertEquals(4, m.readByte(0));
            assertEquals(0x0304, m.readShort(0));
            m.writeLong(PAGE - 8, -2);
            assertEquals(-2, m.readLong(PAGE - 8));
            m.writeDouble(16, 1.5);
            assertEquals(1.5, m.readDouble(16));
            m.writeFloat(32, -0.25f);
            assertEquals(-0.25f, m.readFloat(32));
            m.writeShort(48, (short) -3);
            m.writeByte(50, (byte) 7);
            assertEquals(-3, m.readShort(48));
            assertEquals(7, m.linear().loadI8(50));
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> m.readInt(PAGE - 3));
            assertEquals("range of 4 byte(s) at offset 65533 is outside the memory of 65536 bytes", e.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> m.writeLong(-1, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> m.writeByte(PAGE, (byte) 0));
        }
    }

    @Test
    void bulkAccessAndViews() {
        try (Memory m = new Memory(MemoryType.of(1, 2))) {
            m.write(10, new byte[] {1, 2, 3});
            assertArrayEquals(new byte[] {0, 1, 2, 3}, m.read(9, 4));
            ByteBuffer bb = ByteBuffer.allocateDirect(3);
            m.read(10, bb);
            assertEquals(2, bb.get(1));
            m.write(PAGE - 3, bb.flip());
            assertEquals(3, m.readByte(PAGE - 1));
            MemorySegment view = m.segment();
            assertEquals(PAGE, view.byteSize());
            assertEquals(1, m.grow(1));
            view.set(ValueLayout.JAVA_BYTE, 0, (byte) 42);
            assertEquals(42, m.readByte(0));
            assertEquals(2 * PAGE, m.segment().byteSize());
            assertThrows(IndexOutOfBoundsException.class, () -> m.read(2 * PAGE - 1, 2));
            assertThrows(IllegalArgumentException.class, () -> m.read(0, -1));
        }
    }

    @Test
    void closedMemoriesFailClearly() {
        Memory m = new Memory(MemoryType.of(1));
        LinearMemory linear = m.linear();
        m.close();
        m.close();
        assertTrue(linear.isClosed());
        assertThrows(IllegalStateException.class, () -> m.readInt(0));
        assertThrows(IllegalStateException.class, () -> m.grow(1));
    }
}
