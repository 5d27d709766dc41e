package dev.gatun.memory;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** 64-bit (memory64) memories: limits past 4 GiB, the reservation ceiling, access above 4 GiB. */
class LinearMemory64Test {
    @Test
    void growsPast4GiBAndAccessesThere() {
        assumeMapped();
        // A cap just past 4 GiB keeps the reservation small; the pages are committed, never touched but two.
        try (LinearMemory m = LinearMemory.create(1, -1, 65537, false, true)) {
            assertTrue(m.address64());
            assertEquals(1, m.grow(65536));
            assertEquals(65537, m.pages());
            long above = 1L << 32;
            m.storeI64(above + 8, 0x0102030405060708L);
            assertEquals(0x0102030405060708L, m.loadI64(above + 8));
            assertThrows(OutOfBoundsException.class, () -> m.loadI64(65537L * 65536 - 7));
            assertEquals(-1, m.grow(1));
            assertTrue(m.lastGrowFailure().contains("cap of 65537"), m.lastGrowFailure());
        }
    }

    @Test
    void limitsAreCheckedByAddressType() {
        assertThrows(IllegalArgumentException.class, () -> LinearMemory.create(65537, -1, -1, false, false));
        assertThrows(IllegalArgumentException.class, () -> LinearMemory.create(1, (1L << 48) + 1, -1, false, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearMemory.create(LinearMemory.MAX64_RESERVED_PAGES + 1, -1, -1, false, true));
        assertTrue(e.getMessage().contains("reservation ceiling"), e.getMessage());
    }

    @Test
    void aMaximumOf2To48PagesReservesOnlyTheCeiling() {
        assumeMapped();
        // 2^48 pages are 2^64 bytes: the reservation must be clamped, not overflow.
        try (LinearMemory m = LinearMemory.create(0, 1L << 48, -1, false, true)) {
            assertEquals(LinearMemory.MAX64_RESERVED_PAGES, m.limitPages());
            assertEquals(0, m.grow(1));
        }
    }

    private static void assumeMapped() {
        org.junit.jupiter.api.Assumptions.assumeTrue(LinearMemory.mappingAvailable(), LinearMemory.mappingUnavailableReason());
    }
}
