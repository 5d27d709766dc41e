package dev.gatun.memory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The bindings' failure paths: every call reports errno by name and number. */
class MmanTest {
    @BeforeAll
    static void linux() {
        assumeTrue(LinearMemory.mappingAvailable(), () -> "no mmap: " + LinearMemory.mappingUnavailableReason());
    }

    private static NativeMemoryException fails(String errnoName, int errno, Executable call) {
        NativeMemoryException e = assertThrows(NativeMemoryException.class, call);
        assertEquals(errnoName, e.errnoName(), e.getMessage());
        assertEquals(errno, e.errno());
        assertTrue(e.getMessage().endsWith("failed: " + errnoName + " (" + errno + ")"), e.getMessage());
        return e;
    }

    @Test
    void pageSizeDividesAWasmPage() {
        assertTrue(Mman.PAGE_SIZE >= 4096);
        assertEquals(0, Pages.PAGE_SIZE % Mman.PAGE_SIZE);
    }

    @Test
    void reserveCommitAndUnmapWork() {
        long base = Mman.reserve(1 << 20);
        Mman.protect(base, 1 << 16, Mman.PROT_READ_WRITE);
        Mman.discard(base, 1 << 16);
        Mman.protect(base, 1 << 16, Mman.PROT_NONE);
        Mman.unmap(base, 1 << 20);
    }

    @Test
    void mmapOfZeroBytesIsEinval() {
        NativeMemoryException e = fails("EINVAL", 22, () -> Mman.reserve(0));
        assertTrue(e.getMessage().startsWith("mmap(NULL, 0, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE"),
                e.getMessage());
    }

    @Test
    void mmapBeyondTheAddressSpaceIsEnomem() {
        fails("ENOMEM", 12, () -> Mman.reserve(1L << 62));
    }

    @Test
    void mprotectOfAnUnalignedAddressIsEinval() {
        NativeMemoryException e = fails("EINVAL", 22, () -> Mman.protect(1, 4096, Mman.PROT_READ_WRITE));
        assertEquals("mprotect(0x1, 4096, PROT_READ|PROT_WRITE)", e.call());
    }

    @Test
    void mprotectOfAnUnmappedRangeIsEnomem() {
        // Link munmap and mprotect first: their first use may map the JVM's stubs into the range freed below.
        Mman.unmap(Mman.reserve(1 << 16), 1 << 16);
        Mman.protect(Mman.reserve(1 << 16), 1 << 16, Mman.PROT_READ_WRITE);
        long base = Mman.reserve(1 << 20);
        Mman.unmap(base, 1 << 20);
        fails("ENOMEM", 12, () -> Mman.protect(base, 1 << 16, Mman.PROT_READ_WRITE));
    }

    @Test
    void munmapOfAnUnalignedAddressIsEinval() {
        NativeMemoryException e = fails("EINVAL", 22, () -> Mman.unmap(1, 4096));
        assertEquals("munmap(0x1, 4096)", e.call());
    }

    @Test
    void madviseOfAnUnalignedAddressIsEinval() {
        fails("EINVAL", 22, () -> Mman.discard(1, 4096));
    }

    @Test
    void unknownErrnoValuesStillGetAName() {
        assertEquals("ENOMEM", Mman.errnoName(12));
        assertEquals("errno", Mman.errnoName(4095));
    }

    @Test
    void aFailedReservationSurfacesFromCreate() {
        // A 4 GiB reservation cannot fail here, so check the exception type the path would throw instead:
        // LinearMemory.create documents NativeMemoryException, which Mman.reserve produces.
        NativeMemoryException e = assertThrows(NativeMemoryException.class, () -> Mman.reserve(1L << 62));
        assertEquals("ENOMEM", e.errnoName());
        // Through create, a range larger than the whole budget is refused before any system call.
        assertThrows(ReservationLimitException.class, () -> new MappedBacking(1L << 62, 0));
    }
}
