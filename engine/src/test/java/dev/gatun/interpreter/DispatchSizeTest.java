package dev.gatun.interpreter;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

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
        Map<String, Integer> sizes = codeLengths(Interpreter.class,
                name -> name.equals("run") || name.startsWith("runMisc") || name.startsWith("runSimd"));
        System.out.println("dispatch method sizes: " + sizes);
        assertFalse(sizes.size() < 3, "expected run, runMisc and runSimd, found " + sizes);
        sizes.forEach((name, len) ->
                assertTrue(len < HUGE_METHOD_LIMIT, name + " is " + len + " bytecode bytes, HotSpot will not compile it"));
        assertTrue(sizes.get("run") < C1_BUDGET, "run is " + sizes.get("run") + " bytecode bytes: C1 may fail to compile it");
    }

    /** The v128 secondary dispatch (SimdExec.run, one switch over every v128 op) is under the same limit. */
    @Test
    void simdDispatchMethodsStayBelowHugeMethodLimit() throws Exception {
        Map<String, Integer> sizes = codeLengths(SimdExec.class, name -> name.startsWith("run"));
        System.out.println("SIMD dispatch method sizes: " + sizes);
        assertFalse(sizes.isEmpty(), "expected SimdExec.run");
        sizes.forEach((name, len) ->
                assertTrue(len < HUGE_METHOD_LIMIT, name + " is " + len + " bytecode bytes, HotSpot will not compile it"));
    }

    /** Bytecode length of each method of the built {@code type} whose name passes {@code select}. */
    private static Map<String, Integer> codeLengths(Class<?> type, Predicate<String> select) throws Exception {
        byte[] bytes;
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            bytes = in.readAllBytes();
        }
        Map<String, Integer> sizes = new TreeMap<>();
        for (MethodModel m : ClassFile.of().parse(bytes).methods()) {
            String name = m.methodName().stringValue();
            if (select.test(name))
                sizes.merge(name, m.code().map(c -> ((CodeAttribute) c).codeLength()).orElse(0), Math::max);
        }
        return sizes;
    }
}
