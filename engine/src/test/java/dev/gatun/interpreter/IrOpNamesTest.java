package dev.gatun.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatun.model.Instruction;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The interpreter's IR ops named after instructions are numbered by their instruction's opcode (a family
 * base plus the opcode's distance from the family's first instruction). Their constants are written out
 * for switch labels; this checks each against the instruction table, so renumbering either side fails.
 */
class IrOpNamesTest {
    /** A family of IR ops: constant prefix, base op, first instruction, and how many follow it. */
    record Family(String prefix, int base, Instruction first, int count) {
        /** The IR op an instruction gets in this family, or -1 when the instruction is not in it. */
        int op(Instruction i) {
            int k = i.code - first.code;
            return i.prefix == first.prefix && k >= 0 && k < count ? base + k : -1;
        }
    }

    static final List<Family> FAMILIES = List.of(
            new Family("", IrOp.NUM, Instruction.I32_EQZ, Instruction.I64_EXTEND32_S.code - Instruction.I32_EQZ.code + 1),
            new Family("", IrOp.MEM, Instruction.I32_LOAD, Instruction.I64_STORE32.code - Instruction.I32_LOAD.code + 1),
            new Family("", IrOp.TRUNC_SAT, Instruction.I32_TRUNC_SAT_F32_S, 8),
            new Family("", IrOp.SIMD, Instruction.V128_LOAD, 256),
            new Family("BR_", IrOp.BR_I32_EQ, Instruction.I32_EQ, 10),
            new Family("BR_", IrOp.BR_I64_EQ, Instruction.I64_EQ, 10),
            new Family("SEL_", IrOp.SEL_I32_EQ, Instruction.I32_EQ, 6),
            new Family("ADD_BR_", IrOp.ADD_CMP_BR, Instruction.I32_EQ, 6),
            new Family("ADD_", IrOp.LOAD_ADD, Instruction.I32_LOAD, 8),
            new Family("ADD_", IrOp.STORE_ADD, Instruction.I32_STORE, 5));

    @Test
    void everyOpNamedAfterAnInstructionHasThatInstructionsNumber() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Field f : IrOp.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class) continue;
            f.setAccessible(true);
            int value = f.getInt(null);
            for (Family fam : FAMILIES) {
                if (!f.getName().startsWith(fam.prefix)) continue;
                Instruction i = instruction(f.getName().substring(fam.prefix.length()));
                if (i == null || fam.op(i) < 0) continue;
                checked++;
                if (fam.op(i) != value) wrong.add(f.getName() + " = " + value + ", its instruction gives " + fam.op(i));
            }
        }
        assertEquals(List.of(), wrong);
        // The numeric, memory and SIMD ops alone are over 400; a scan that found few has lost its way.
        assertTrue(checked > 400, "only " + checked + " IR ops matched an instruction");
    }

    @Test
    void familiesDoNotOverlap() {
        for (Family a : FAMILIES) {
            for (Family b : FAMILIES) {
                if (a == b) continue;
                boolean disjoint = a.base + a.count <= b.base || b.base + b.count <= a.base;
                assertTrue(disjoint, a + " overlaps " + b);
            }
        }
    }

    private static Instruction instruction(String name) {
        try {
            return Instruction.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
