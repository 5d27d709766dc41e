package dev.gatun.memory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.LongConsumer;

import static org.junit.jupiter.api.Assertions.*;

class LinearMemoryTest {
    private static final long PAGE = Pages.PAGE_SIZE;

    /** One access width: how to load and store it, and the bytes it covers. */
    private record Width(String name, int bytes, LongConsumer load, LongConsumer store) {}

    private static Width[] widths(LinearMemory m) {
        return new Width[] {
            new Width("i8", 1, m::loadI8, ea -> m.storeI8(ea, (byte) 0x7f)),
            new Width("u8", 1, m::loadU8, ea -> m.storeI8(ea, (byte) 0x7f)),
            new Width("i16", 2, m::loadI16, ea -> m.storeI16(ea, (short) 0x7f7f)),
            new Width("u16", 2, m::loadU16, ea -> m.storeI16(ea, (short) 0x7f7f)),
            new Width("i32", 4, m::loadI32, ea -> m.storeI32(ea, 0x7f7f7f7f)),
            new Width("u32", 4, m::loadU32, ea -> m.storeI32(ea, 0x7f7f7f7f)),
            new Width("i64", 8, m::loadI64, ea -> m.storeI64(ea, 0x7f7f7f7f7f7f7f7fL)),
            new Width("v128.lo", 16, m::loadV128Low, ea -> m.storeV128(ea, -1L, -1L)),
            new Width("v128.hi", 16, m::loadV128High, ea -> m.storeV128(ea, -1L, -1L)),
        };
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void everyWidthAtTheLastValidByteAndOnePast(Kind kind) {
        try (LinearMemory m = kind.create(1, 2)) {
            long size = m.byteSize();
            assertEquals(PAGE, size);
            for (Width w : widths(m)) {
                long last = size - w.bytes();
                w.store().accept(last);
                w.load().accept(last);
                m.fill(0, (byte) 0, size);
                for (long ea : new long[] {last + 1, size, size + 1, -1, Long.MIN_VALUE, Long.MAX_VALUE,
                        LinearMemory.effectiveAddress(-1, -1)}) {
                    OutOfBoundsException e = assertThrows(OutOfBoundsException.class, () -> w.load().accept(ea),
                            w.name() + " load at " + ea);
                    assertEquals(ea, e.address());
                    assertEquals(w.bytes(), e.length());
                    assertEquals(size, e.memoryBytes());
                    assertThrows(OutOfBoundsException.class, () -> w.store().accept(ea), w.name() + " store at " + ea);
                }
                // The failed stores straddling the end must not have written their in-bounds part.
                for (long i = size - 16; i < size; i++) assertEquals(0, m.loadI8(i), w.name() + " wrote byte " + i);
            }
        }
    }

    @Test
    void bothBackingsHandTheSameSegmentKindToAccessSites() {
        // Different segment or session classes at one access site would pollute its type profile.
        try (LinearMemory mapped = Kind.MAPPED.create(1, 2); LinearMemory copying = Kind.COPYING.create(1, 2)) {
            assertEquals(mapped.segment().getClass(), copying.segment().getClass());
            assertEquals(mapped.segment().scope().getClass(), copying.segment().scope().getClass());
            assertTrue(mapped.segment().isNative());
            assertFalse(mapped.segment().isReadOnly());
            assertFalse(copying.segment().isReadOnly());
            mapped.grow(1);
            copying.grow(1);
            assertEquals(mapped.segment().getClass(), copying.segment().getClass());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void valuesAreLittleEndianUnalignedAndExtendedAsAsked(Kind kind) {
        try (LinearMemory m = kind.create(1, 1)) {
            m.storeI32(1, 0x80c0e0f0);
            assertEquals((byte) 0xf0, m.loadI8(1));
            assertEquals(0xf0, m.loadU8(1));
            assertEquals((short) 0xe0f0, m.loadI16(1));
            assertEquals(0xe0f0, m.loadU16(1));
            assertEquals(0x80c0e0f0, m.loadI32(1));
            assertEquals(0x80c0e0f0L, m.loadU32(1));
            m.storeI64(3, 0x0102030405060708L);
            assertEquals(0x0102030405060708L, m.loadI64(3));
            assertEquals(0x08, m.loadU8(3));
            m.storeV128(17, 0x1111111111111111L, 0x2222222222222222L);
            assertEquals(0x1111111111111111L, m.loadV128Low(17));
            assertEquals(0x2222222222222222L, m.loadV128High(17));
            assertEquals(0x22, m.loadU8(25));
            m.storeI16(40, (short) 0xbeef);
            assertEquals(0xef, m.loadU8(40));
            assertEquals(0xbe, m.loadU8(41));
            assertEquals(0x7ffffffffL + 1, LinearMemory.effectiveAddress(-1, 1) + 0x7ffffffffL - 0xffffffffL);
            assertEquals(0x1fffffffeL, LinearMemory.effectiveAddress(-1, -1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void emptyMemoryTrapsEverywhereUntilGrown(Kind kind) {
        try (LinearMemory m = kind.create(0, -1)) {
            assertEquals(0, m.byteSize());
            assertThrows(OutOfBoundsException.class, () -> m.loadU8(0));
            m.checkAccess(0, 0);
            m.fill(0, (byte) 1, 0);
            assertThrows(OutOfBoundsException.class, () -> m.fill(1, (byte) 1, 0));
            assertEquals(0, m.grow(1));
            m.storeI8(PAGE - 1, (byte) 5);
            assertEquals(5, m.loadI8(PAGE - 1));
            assertEquals(0, m.loadI64(0), "grown pages read as zero");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void growReturnsOldSizeAndMinusOneBeyondTheMaximum(Kind kind) {
        try (LinearMemory m = kind.create(1, 3)) {
            assertNull(m.lastGrowFailure());
            assertEquals(1, m.grow(0));
            assertEquals(1, m.grow(2));
            assertEquals(3, m.pages());
            assertEquals(3 * PAGE, m.byteSize());
            assertEquals(-1, m.grow(1));
            assertTrue(m.lastGrowFailure().contains("declared maximum of 3 pages"), m.lastGrowFailure());
            assertEquals(-1, m.grow(Long.MAX_VALUE));
            assertEquals(3, m.pages());
            assertEquals(3, m.grow(0));
            assertThrows(IllegalArgumentException.class, () -> m.grow(-1));
        }
    }

    @Test
    void growWithoutMaximumStopsAt4GiB() {
        // Only the mmap path: the fallback would have to allocate 4 GiB to get there.
        try (LinearMemory m = Kind.MAPPED.create(65535, -1)) {
            assertEquals(65535, m.grow(1));
            assertEquals(-1, m.grow(1));
            assertTrue(m.lastGrowFailure().contains("65536 pages (4 GiB)"), m.lastGrowFailure());
            m.storeI64(m.byteSize() - 8, 42);
            assertEquals(42, m.loadI64((1L << 32) - 8));
            assertThrows(OutOfBoundsException.class, () -> m.loadU8(1L << 32));
        }
    }

    @Test
    void aGrowWhoseMprotectFailsReturnsMinusOneWithTheErrno() {
        try (LinearMemory m = Kind.MAPPED.create(1, 4)) {
            long base = m.segment().address();
            // Pull the uncommitted part of the reservation away underneath the memory: mprotect must fail.
            Mman.unmap(base + PAGE, 3 * PAGE);
            assertEquals(-1, m.grow(1));
            String why = m.lastGrowFailure();
            assertTrue(why.contains("mprotect(0x" + Long.toHexString(base + PAGE) + ", 65536, PROT_READ|PROT_WRITE)"
                    + " failed: ENOMEM (12)"), why);
            assertEquals(1, m.pages());
            m.storeI8(PAGE - 1, (byte) 1);
            assertThrows(OutOfBoundsException.class, () -> m.loadI8(PAGE));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void theEmbedderCapBoundsGrowthAndCreation(Kind kind) {
        try (LinearMemory m = kind.create(1, 100, 10, false)) {
            assertEquals(10, m.limitPages());
            assertEquals(100, m.maxPages());
            assertEquals(10, m.capPages());
            assertEquals(1, m.grow(9));
            assertEquals(-1, m.grow(1));
            assertTrue(m.lastGrowFailure().contains("embedder's cap of 10 pages"), m.lastGrowFailure());
            assertEquals(10, m.pages());
        }
        try (LinearMemory m = kind.create(1, 5, 10, false)) {
            assertEquals(5, m.limitPages());
            assertEquals(-1, m.grow(5));
            assertTrue(m.lastGrowFailure().contains("declared maximum of 5 pages"), m.lastGrowFailure());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kind.create(11, 20, 10, false));
        assertTrue(e.getMessage().contains("exceeds the embedder's cap of 10 pages"), e.getMessage());
    }

    @Test
    void theCapLimitsTheReservationNotJustTheGrowth() {
        // Without a maximum the mmap path reserves 4 GiB; with a cap of 16 pages it must reserve about 1 MiB.
        // (Measured on the backing, not on VmSize: the pool and the cleaner make the process's size move.)
        try (LinearMemory capped = Kind.MAPPED.create(1, -1, 16, false);
             LinearMemory uncapped = Kind.MAPPED.create(1, -1)) {
            assertTrue(capped.reservedBytes() < 64L << 20, "capped memory reserved " + capped.reservedBytes());
            assertTrue(uncapped.reservedBytes() >= 4L << 30, "uncapped memory reserved " + uncapped.reservedBytes());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void invalidLimitsAreRejectedWithReasons(Kind kind) {
        assertMessage("minimum -1 pages", () -> kind.create(-1, -1));
        assertMessage("minimum 65537 pages", () -> kind.create(65537, -1));
        assertMessage("maximum 1 pages is outside 2..65536", () -> kind.create(2, 1));
        assertMessage("maximum 65537 pages", () -> kind.create(1, 65537));
        assertMessage("cap -2 pages", () -> kind.create(1, 2, -2, false));
        assertMessage("shared memory must declare a maximum", () -> kind.create(1, -1, -1, true));
    }

    private static void assertMessage(String expected, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void sharedMemoriesAreReservedAtTheirMaximumAndNeverMove(Kind kind) {
        try (LinearMemory m = kind.create(1, 64, -1, true)) {
            assertTrue(m.shared());
            assertEquals(64 * PAGE, m.capacityBytes());
            long base = m.segment().address();
            MemorySegment first = m.segment();
            for (int i = 0; i < 63; i++) assertEquals(1 + i, m.grow(1));
            assertEquals(base, m.segment().address());
            first.set(ValueLayout.JAVA_BYTE, 7, (byte) 9);
            assertEquals(9, m.loadI8(7));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void anOldViewKeepsWorkingAfterAGrowButCoversOnlyTheOldSize(Kind kind) {
        try (LinearMemory m = kind.create(1, 16)) {
            // Two grows first so the fallback has spare capacity (1 -> 2 -> 4 pages) for the grow under test.
            m.grow(1);
            m.grow(1);
            MemorySegment old = m.segment();
            assertEquals(3 * PAGE, old.byteSize());
            assertEquals(3, m.grow(1));
            MemorySegment fresh = m.segment();
            assertEquals(4 * PAGE, fresh.byteSize());
            assertEquals(3 * PAGE, old.byteSize(), "an old view keeps its size");
            old.set(ValueLayout.JAVA_INT_UNALIGNED, 100, 0x12345678);
            assertEquals(0x12345678, m.loadI32(100), "writes through the old view reach the memory");
            m.storeI32(200, 0x0badcafe);
            assertEquals(0x0badcafe, old.get(ValueLayout.JAVA_INT_UNALIGNED, 200), "and it sees new writes");
            m.storeI8(3 * PAGE, (byte) 1);
            assertEquals(1, fresh.get(ValueLayout.JAVA_BYTE, 3 * PAGE));
            assertThrows(IndexOutOfBoundsException.class, () -> old.get(ValueLayout.JAVA_BYTE, 3 * PAGE),
                    "the new page is only in the fresh view");
        }
    }

    @Test
    void theFallbackReallocatesAndThenOldViewsAreInaccessible() {
        try (LinearMemory m = Kind.COPYING.create(1, 16)) {
            assertFalse(m.growsInPlace());
            m.storeI64(8, 77);
            MemorySegment old = m.segment();
            assertEquals(1, m.grow(1));
            assertEquals(2 * PAGE, m.capacityBytes());
            assertEquals(77, m.loadI64(8), "contents were copied");
            assertThrows(IllegalStateException.class, () -> old.get(ValueLayout.JAVA_BYTE, 0));
            assertEquals(2, m.grow(3));
            assertEquals(5 * PAGE, m.capacityBytes(), "capacity is at least the request");
            assertEquals(5, m.grow(1));
            assertEquals(10 * PAGE, m.capacityBytes(), "capacity doubles");
            assertEquals(6, m.grow(10));
            assertEquals(16 * PAGE, m.capacityBytes(), "capacity never passes the limit");
            assertEquals(77, m.loadI64(8));
        }
    }

    @Test
    void growsInPlaceFromOneTo65536PagesWithoutMovingTheBase() {
        try (LinearMemory m = Kind.MAPPED.create(1, 65536)) {
            assertTrue(m.growsInPlace());
            long base = m.segment().address();
            m.storeI8(0, (byte) 1);
            for (long p = 1; p < 65536; p++) {
                assertEquals(p, m.grow(1));
                if (p % 997 == 0) {
                    // Touch a byte in the newest page and check it arrived zeroed and is writable.
                    long ea = p * PAGE + 123;
                    assertEquals(0, m.loadI8(ea));
                    m.storeI8(ea, (byte) p);
                    assertEquals(base, m.segment().address());
                }
            }
            assertEquals(65536, m.pages());
            assertEquals(1L << 32, m.byteSize());
            assertEquals(base, m.segment().address());
            assertEquals(1, m.loadI8(0));
            for (long p = 997; p < 65536; p += 997) assertEquals((byte) p, m.loadI8(p * PAGE + 123));
            assertEquals(-1, m.grow(1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void fillCopyAndInitCheckTheWholeRangeFirst(Kind kind) {
        try (LinearMemory m = kind.create(1, 1)) {
            long size = m.byteSize();
            m.fill(10, (byte) 0x5a, 6);
            assertEquals(0, m.loadI8(9));
            assertEquals(0x5a, m.loadI8(10));
            assertEquals(0x5a, m.loadI8(15));
            assertEquals(0, m.loadI8(16));
            m.fill(size, (byte) 1, 0);
            assertThrows(OutOfBoundsException.class, () -> m.fill(size - 1, (byte) 1, 2));
            assertEquals(0, m.loadI8(size - 1), "a trapping fill writes nothing");
            assertThrows(OutOfBoundsException.class, () -> m.fill(size + 1, (byte) 1, 0));
            assertThrows(OutOfBoundsException.class, () -> m.fill(0, (byte) 1, -1));

            for (int i = 0; i < 8; i++) m.storeI8(100 + i, (byte) (i + 1));
            m.copy(102, 100, 8); // overlap, forwards
            assertArrayEquals(new byte[] {1, 2, 1, 2, 3, 4, 5, 6, 7, 8}, bytes(m, 100, 10));
            m.copy(100, 102, 8); // overlap, backwards
            assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 7, 8}, bytes(m, 100, 10));
            m.copy(size, 0, 0);
            m.copy(0, size, 0);
            assertThrows(OutOfBoundsException.class, () -> m.copy(size + 1, 0, 0));
            assertThrows(OutOfBoundsException.class, () -> m.copy(0, size + 1, 0));
            assertThrows(OutOfBoundsException.class, () -> m.copy(size - 4, 100, 5));
            assertThrows(OutOfBoundsException.class, () -> m.copy(100, size - 4, 5));
            assertEquals(0, m.loadI32(size - 4), "a trapping copy writes nothing");

            byte[] data = {9, 8, 7, 6};
            m.init(200, data, 1, 3);
            assertArrayEquals(new byte[] {8, 7, 6, 0}, bytes(m, 200, 4));
            m.init(size, data, 4, 0);
            assertThrows(OutOfBoundsException.class, () -> m.init(size + 1, data, 0, 0));
            assertThrows(OutOfBoundsException.class, () -> m.init(0, data, 5, 0));
            assertThrows(OutOfBoundsException.class, () -> m.init(0, data, 2, 3));
            assertThrows(OutOfBoundsException.class, () -> m.init(size - 2, data, 0, 3));
            assertEquals(0, m.loadI16(size - 2));
            assertThrows(OutOfBoundsException.class, () -> m.init(0, data, -1, 1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void copyFromAnotherMemory(Kind kind) {
        try (LinearMemory a = kind.create(1, 1); LinearMemory b = kind.create(2, 2)) {
            a.storeI64(0, 0x1122334455667788L);
            b.copyFrom(a, 0, PAGE + 4, 8);
            assertEquals(0x1122334455667788L, b.loadI64(PAGE + 4));
            a.copyFrom(b, PAGE + 4, PAGE - 8, 8);
            assertEquals(0x1122334455667788L, a.loadI64(PAGE - 8));
            assertThrows(OutOfBoundsException.class, () -> a.copyFrom(b, PAGE + 4, PAGE - 7, 8));
            assertThrows(OutOfBoundsException.class, () -> a.copyFrom(b, 2 * PAGE - 7, 0, 8));
            assertThrows(OutOfBoundsException.class, () -> a.copyFrom(b, 2 * PAGE + 1, 0, 0));
            a.copyFrom(b, 2 * PAGE, PAGE, 0);
            a.copyFrom(a, 0, 8, 8);
            assertEquals(0x1122334455667788L, a.loadI64(8));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void embedderBulkAccessThroughArraysBuffersAndSegments(Kind kind) {
        try (LinearMemory m = kind.create(1, 1); Arena arena = Arena.ofConfined()) {
            long size = m.byteSize();
            byte[] src = {1, 2, 3, 4, 5};
            m.write(size - 3, src, 2, 3);
            byte[] dst = new byte[6];
            m.read(size - 3, dst, 1, 3);
            assertArrayEquals(new byte[] {0, 3, 4, 5, 0, 0}, dst);

            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                    () -> m.write(size - 2, src, 0, 3));
            assertEquals("range of 3 byte(s) at offset " + (size - 2) + " is outside the memory of " + size
                    + " bytes", e.getMessage());
            e = assertThrows(IndexOutOfBoundsException.class, () -> m.read(0, dst, 4, 3));
            assertEquals("range of 3 byte(s) at index 4 is outside the destination array of length 6", e.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> m.write(0, src, -1, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> m.read(-1, dst, 0, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> m.read(0, dst, 0, -1));
            assertThrows(NullPointerException.class, () -> m.read(0, (byte[]) null, 0, 0));

            for (ByteBuffer bb : new ByteBuffer[] {ByteBuffer.allocate(8), ByteBuffer.allocateDirect(8)}) {
                bb.order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0xcafebabe).position(2).limit(6);
                m.write(40, bb);
                assertEquals(6, bb.position());
                assertEquals(0xcafe, m.loadU16(40));
                bb.clear();
                m.read(39, bb);
                assertEquals(8, bb.position());
                assertEquals((byte) 0xfe, bb.get(1));
                bb.clear();
                assertThrows(IndexOutOfBoundsException.class, () -> m.read(size - 7, bb));
                assertEquals(0, bb.position(), "a failed read leaves the buffer alone");
            }
            IllegalArgumentException ro = assertThrows(IllegalArgumentException.class,
                    () -> m.read(0, ByteBuffer.allocate(4).asReadOnlyBuffer()));
            assertEquals("destination buffer is read-only", ro.getMessage());

            MemorySegment seg = arena.allocate(16);
            seg.fill((byte) 3);
            m.write(size - 16, seg);
            assertEquals(0x0303030303030303L, m.loadI64(size - 8));
            MemorySegment back = arena.allocate(4);
            m.read(size - 4, back);
            assertEquals(0x03030303, back.get(ValueLayout.JAVA_INT, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> m.write(size - 15, seg));
            assertThrows(IllegalArgumentException.class, () -> m.read(0, seg.asReadOnly()));
            assertThrows(IndexOutOfBoundsException.class, () -> m.checked(size, 1));
            assertEquals(size, m.checked(size, 0).byteSize());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void closeIsIdempotentAndLaterUseFailsClearly(Kind kind) {
        LinearMemory m = kind.create(1, 2);
        MemorySegment view = m.segment();
        assertFalse(m.isClosed());
        m.close();
        m.close();
        assertTrue(m.isClosed());
        assertThrows(IllegalStateException.class, () -> m.loadI32(0));
        assertThrows(IllegalStateException.class, () -> m.storeI32(0, 1));
        assertThrows(IllegalStateException.class, () -> view.get(ValueLayout.JAVA_BYTE, 0));
        assertThrows(IllegalStateException.class, () -> m.grow(1));
        assertThrows(IllegalStateException.class, () -> m.read(0, new byte[1], 0, 1));
        assertThrows(OutOfBoundsException.class, () -> m.loadI32(m.byteSize()), "bounds are still checked first");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void aThreadSeesPagesAnotherThreadGrew(Kind kind) throws Exception {
        try (LinearMemory m = kind.create(1, 4, -1, true)) {
            Thread t = new Thread(() -> m.grow(1));
            t.start();
            t.join();
            m.storeI32(PAGE, 5);
            assertEquals(5, m.loadI32(PAGE));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void tenThousandCreateGrowCloseCyclesLeakNothing(Kind kind) throws Exception {
        ProcStatus.assumeAvailable();
        // Warm up first so class loading, JIT threads and arena bookkeeping are not counted as a leak.
        cycles(kind, 200);
        Reservations.process().trimPool();   // ranges other tests' memories left in the pool would count
        long before = ProcStatus.vmSizeBytes();
        cycles(kind, 10_000);
        Reservations.process().trimPool();
        long after = ProcStatus.vmSizeBytes();
        // One leaked reservation would be >= 4 GiB, one leaked fallback allocation 128 KiB (1.2 GiB in all).
        assertTrue(after - before < 64L << 20, "VmSize grew by " + (after - before) + " bytes");
    }

    private static void cycles(Kind kind, int n) {
        for (int i = 0; i < n; i++) {
            try (LinearMemory m = kind.create(1, -1)) {
                assertEquals(1, m.grow(1));
                m.storeI32(PAGE + 4, i);
                assertEquals(i, m.loadI32(PAGE + 4));
            }
        }
    }

    private static byte[] bytes(LinearMemory m, long at, int n) {
        byte[] out = new byte[n];
        m.read(at, out, 0, n);
        return Arrays.copyOf(out, n);
    }
}
