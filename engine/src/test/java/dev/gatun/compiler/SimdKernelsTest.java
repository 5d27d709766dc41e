package dev.gatun.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatun.binary.InstructionReader;
import dev.gatun.model.Instruction;
import dev.gatun.vector.Kernels;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every SIMD instruction the engine runs has exactly one kernel where the compiler looks for it, and no kernel is left over. */
class SimdKernelsTest {
    @Test
    void everySimdInstructionHasAKernel() {
        Set<String> kernels = new TreeSet<>();
        for (Class<?> k : Kernels.CLASSES) {
            for (Method m : k.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) && m.getReturnType() == void.class) {
                    assertEquals(true, kernels.add(m.getName()), "overloaded kernel " + m.getName());
                    assertEquals(k, Kernels.owner(m.getName()), m.getName() + " is not in the class of its lane shape");
                    assertEquals(long[].class, m.getParameterTypes()[0], m.getName());
                }
            }
        }
        List<String> missing = new ArrayList<>();
        int simd = 0;
        for (Instruction in : Instruction.values()) {
            if (in.prefix != Instruction.PREFIX_SIMD || !InstructionReader.FEATURES.contains(in.feature)) continue;
            simd++;
            // v128.const is a constant of the register file, no kernel.
            if (in != Instruction.V128_CONST && !kernels.remove(FunctionCompiler.kernelName(in))) missing.add(in.text);
        }
        assertEquals(236 + 20, simd);   // Wasm 2.0's SIMD and the 20 relaxed SIMD instructions
        assertEquals(List.of(), missing, "instructions without a kernel");
        assertEquals(Set.of(), kernels, "kernels without an instruction");
    }
}
