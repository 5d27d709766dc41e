package dev.gatun.memory;

import org.junit.jupiter.api.Assumptions;

/** The two backings; every LinearMemory test runs on both. */
enum Kind {
    MAPPED, COPYING;

    LinearMemory create(long min, long max, long cap, boolean shared) {
        if (this == MAPPED)
            Assumptions.assumeTrue(LinearMemory.mappingAvailable(), () -> "no mmap: " + Mman.UNAVAILABLE);
        return LinearMemory.createBacked(min, max, cap, shared, false, this == MAPPED);
    }

    LinearMemory create(long min, long max) { return create(min, max, -1, false); }
}
