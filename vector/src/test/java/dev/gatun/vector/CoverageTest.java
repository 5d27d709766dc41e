package dev.gatun.vector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every kernel was exercised by a reference test (when the whole suite runs; this class is ordered last).
 * That every SIMD instruction has a kernel is checked by the engine, which owns the instruction table.
 */
@Order(Integer.MAX_VALUE)
class CoverageTest {
    @Test
    void everyKernelWasTested() {
        Assumptions.assumeTrue(Harness.TESTED.size() > 100, "only meaningful when the whole suite runs");
        Set<String> untested = new TreeSet<>();
        for (Class<?> k : Kernels.CLASSES) {
            for (Method m : k.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.getReturnType() != void.class) continue;
                // Kernel i16x8_add is instruction i16x8.add: only the first '_' stands for the '.'.
                String n = m.getName().replaceFirst("_", ".");
                if (!Harness.TESTED.contains(n)) untested.add(n);
            }
        }
        assertTrue(untested.isEmpty(), "no reference test ran for " + untested);
    }
}
