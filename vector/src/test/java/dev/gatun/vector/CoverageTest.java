package dev.gatun.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every 0xFD sub-opcode has exactly one public static kernel named after it, and (when the whole suite
 * runs; this class is ordered last) every kernel was exercised by a reference test.
 */
@Order(Integer.MAX_VALUE)
class CoverageTest {
    @Test
    void everyKernelWasTested() {
        Assumptions.assumeTrue(Harness.TESTED.size() > 100, "only meaningful when the whole suite runs");
        List<String> untested = new ArrayList<>();
        for (int op = 0; op < 256; op++) {
            String n = SimdOpcodes.name(op);
            if (n != null && !n.equals("v128.const") && !Harness.TESTED.contains(n)) untested.add(n);
        }
        assertTrue(untested.isEmpty(), "no reference test ran for " + untested);
    }

    @Test
    void everyOpcodeHasAKernel() {
        Set<String> kernels = new TreeSet<>();
        for (Method m : Simd.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
                    && m.getReturnType() == void.class) {
                assertTrue(kernels.add(m.getName()), "overloaded kernel " + m.getName());
                assertEquals(long[].class, m.getParameterTypes()[0], m.getName());
            }
        }
        List<String> missing = new ArrayList<>();
        int defined = 0;
        for (int op = 0; op < 256; op++) {
            String k = SimdOpcodes.kernelName(op);
            if (k == null) continue;
            defined++;
            if (!k.equals("v128_const") && !kernels.remove(k)) missing.add(k);
        }
        assertEquals(236, defined);
        assertEquals(SimdOpcodes.COUNT, defined);
        assertTrue(missing.isEmpty(), "no kernel for " + missing);
        assertTrue(kernels.isEmpty(), "kernels without an opcode: " + kernels);
        assertNotNull(SimdOpcodes.name(0x0D));
        assertEquals(0x6E, SimdOpcodes.subop("i8x16.add"));
        assertEquals(SimdOpcodes.Immediates.MEMARG_LANE, SimdOpcodes.immediates(0x57));
        assertEquals(2, SimdOpcodes.laneCount(0x57)); // v128.load64_lane
        assertEquals(16, SimdOpcodes.laneCount(0x58)); // v128.store8_lane
        assertEquals(16, SimdOpcodes.laneCount(0x15));
        assertEquals(2, SimdOpcodes.laneCount(0x22));
        assertEquals(4, SimdOpcodes.laneCount(0x1F));
        assertEquals(8, SimdOpcodes.laneCount(0x1A));
        assertEquals(3, SimdOpcodes.maxAlignLog2(0x5B));
        assertEquals(4, SimdOpcodes.maxAlignLog2(0x0B));
        for (int op = 0; op < 256; op++) {
            String n = SimdOpcodes.name(op);
            if (n == null) continue;
            boolean mem = n.startsWith("v128.load") || n.startsWith("v128.store");
            assertEquals(mem, SimdOpcodes.maxAlignLog2(op) >= 0, n);
            assertEquals(n.contains("_lane"), SimdOpcodes.laneCount(op) > 0, n);
        }
        assertEquals("f64x2.convert_low_i32x4_u", SimdOpcodes.name(0xFF));
    }
}
