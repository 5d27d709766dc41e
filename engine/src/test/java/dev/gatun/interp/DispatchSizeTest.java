package dev.gatun.interp;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HotSpot never JIT-compiles a method above 8,000 bytecode bytes (HugeMethodLimit): a dispatch loop
 * that grows past it runs interpreted forever. This reads the built class file and fails first.
 */
class DispatchSizeTest {
    static final int HUGE_METHOD_LIMIT = 8000;
    /**
     * C1 gave up on {@code run} at 6,163 bytes ("out of virtual registers in LIR generator"), leaving
     * warm-up in the bytecode interpreter until C2 was done; 5,577 bytes compiles. Keep a margin below.
     */
    static final int C1_BUDGET = 6000;

    @Test
    void dispatchMethodsStayBelowHugeMethodLimit() throws Exception {
        byte[] bytes;
        try (InputStream in = Interpreter.class.getResourceAsStream("Interpreter.class")) {
            bytes = in.readAllBytes();
        }
        ClassModel cm = ClassFile.of().parse(bytes);
        int checked = 0;
        StringBuilder sizes = new StringBuilder();
        for (MethodModel m : cm.methods()) {
            String name = m.methodName().stringValue();
            if (!name.equals("run") && !name.startsWith("runMisc") && !name.startsWith("runSimd")) continue;
            int len = m.code().map(c -> ((CodeAttribute) c).codeLength()).orElse(0);
            sizes.append(name).append('=').append(len).append(' ');
            assertTrue(len < HUGE_METHOD_LIMIT, name + " is " + len + " bytecode bytes, HotSpot will not compile it");
            if (name.equals("run")) assertTrue(len < C1_BUDGET, "run is " + len + " bytecode bytes: C1 may fail to compile it");
            checked++;
        }
        System.out.println("dispatch method sizes: " + sizes);
        assertFalse(checked < 3, "expected run, runMisc and runSimd, found " + sizes);
    }

    /** The v128 secondary dispatch (SimdExec.run, one switch over every v128 op) is under the same limit. */
    @Test
    void simdDispatchMethodsStayBelowHugeMethodLimit() throws Exception {
        byte[] bytes;
        try (InputStream in = SimdExec.class.getResourceAsStream("SimdExec.class")) {
            bytes = in.readAllBytes();
        }
        ClassModel cm = ClassFile.of().parse(bytes);
        int checked = 0;
        StringBuilder sizes = new StringBuilder();
        for (MethodModel m : cm.methods()) {
            String name = m.methodName().stringValue();
            if (!name.startsWith("run")) continue;
            int len = m.code().map(c -> ((CodeAttribute) c).codeLength()).orElse(0);
            sizes.append(name).append('=').append(len).append(' ');
            assertTrue(len < HUGE_METHOD_LIMIT, name + " is " + len + " bytecode bytes, HotSpot will not compile it");
            checked++;
        }
        System.out.println("SIMD dispatch method sizes: " + sizes);
        assertFalse(checked < 1, "expected SimdExec.run, found " + sizes);
    }
}
