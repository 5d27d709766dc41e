package dev.gatun;

import dev.gatun.model.Instruction;
import dev.gatun.testing.ModuleBuilder;
import dev.gatun.testing.ModuleBuilder.Bytes;
import org.junit.jupiter.api.Test;

import java.util.function.IntUnaryOperator;

import static dev.gatun.testing.ModuleBuilder.I32;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A local overwritten while the stack still holds its old value: the translator either copies the old
 * value aside or renames the instruction that wrote it. Each body is checked against its meaning in Java.
 */
class LocalReuseTest {
    private static final int[] INPUTS = {0, 1, 7, 40, 49, 50, 100, -3, 0x7FFF_FFFF, 65_000};

    /** f(p) with param 0 = p, local 1 scratch, one page of memory; code ends with the i32 result on the stack. */
    private static void check(Bytes code, IntUnaryOperator expected) {
        ModuleBuilder b = new ModuleBuilder().memory(1);
        int t = b.type(new int[] {I32}, new int[] {I32});
        int f = b.func(t, new int[][] {{1, I32}}, code.op(Instruction.END).toArray());
        b.exportFunc("f", f);
        Function fn = WebAssembly.instantiate(WebAssembly.compile(b.build()), Imports.empty()).exports().function("f");
        for (int p : INPUTS) {
            int q = p & 0x7FFF;  // addresses stay in the page
            Value v = fn.call(Value.i32(q))[0];
            assertEquals(expected.applyAsInt(q), ((Value.I32) v).value(), "f(" + q + ")");
        }
    }

    private static Bytes tee(Bytes b, int x) { return b.u8(0x22).u32(x); }

    @Test
    void addressReusedForLoadedValue() {
        // pixels' shape: l1 = p + 2 stays on the stack as the address while l1 = mem[l1] * 3 + 1 reuses it;
        // then mem[addr] = l1, and the result reads the byte back plus l1.
        Bytes c = new Bytes().localGet(0).i32Const(2).op(Instruction.I32_ADD);
        tee(c, 1).localGet(1).op(0x2D, 0x00, 0x00).i32Const(3).op(Instruction.I32_MUL).i32Const(1).op(Instruction.I32_ADD);
        tee(c, 1).op(0x3A, 0x00, 0x00)
                .localGet(0).op(0x2D, 0x00, 0x02).localGet(1).i32Const(1000).op(Instruction.I32_MUL).op(Instruction.I32_ADD);
        // Memory starts zeroed: the byte is 1, l1 is 1.
        check(c, p -> 1 + 1000);
    }

    @Test
    void relinkedInstructionReadsTheOldValue() {
        // [l1 = p + 1] then l1 = l1 * 10 (the mul reads the old l1 and is relinked into l1): old + new * 1000.
        Bytes c = new Bytes().localGet(0).i32Const(1).op(Instruction.I32_ADD);
        tee(c, 1).localGet(1).i32Const(10).op(Instruction.I32_MUL).localSet(1)
                .localGet(1).i32Const(1000).op(Instruction.I32_MUL).op(Instruction.I32_ADD);
        check(c, p -> (p + 1) + (p + 1) * 10 * 1000);
    }

    @Test
    void relinkedSelectReadsTheOldValueInItsCompare() {
        // [l1 = p + 5] then l1 = l1 < 50 ? 100 : l1, the compare fused into the select's extension word.
        Bytes c = new Bytes().localGet(0).i32Const(5).op(Instruction.I32_ADD);
        tee(c, 1).i32Const(100).localGet(1).localGet(1).i32Const(50).op(Instruction.I32_LT_S).op(Instruction.SELECT).localSet(1)
                .localGet(1).i32Const(1000).op(Instruction.I32_MUL).op(Instruction.I32_ADD);
        check(c, p -> {
            int old = p + 5;
            int nu = old < 50 ? 100 : old;
            return old + nu * 1000;
        });
    }

    @Test
    void temporaryReusedBetweenWriteAndOverwrite() {
        // l1 = p + 1; (p * 7 computed into the temporary the old l1 would need, then dropped);
        // [l1]; l1 = 3 (a plain copy); old + new * 1000.
        Bytes c = new Bytes().localGet(0).i32Const(1).op(Instruction.I32_ADD).localSet(1)
                .localGet(0).i32Const(7).op(Instruction.I32_MUL).op(Instruction.DROP)
                .localGet(1).i32Const(3).localSet(1)
                .localGet(1).i32Const(1000).op(Instruction.I32_MUL).op(Instruction.I32_ADD);
        check(c, p -> (p + 1) + 3000);
    }

    @Test
    void branchBetweenWriteAndOverwrite() {
        // block: l1 = p + 1; br_if 0 when p == 7 (l1 must hold p + 1 there); [l1]; l1 = l1 * 2; old + new * 1000.
        // After the block: + l1 * 100000.
        Bytes c = new Bytes().op(0x02, 0x7F).localGet(0).i32Const(1).op(Instruction.I32_ADD);
        tee(c, 1).localGet(0).i32Const(7).op(Instruction.I32_EQ).op(Instruction.BR_IF).u32(0)
                .localGet(1).i32Const(2).op(Instruction.I32_MUL).localSet(1)
                .localGet(1).i32Const(1000).op(Instruction.I32_MUL).op(Instruction.I32_ADD).op(Instruction.END)
                .localGet(1).i32Const(100000).op(Instruction.I32_MUL).op(Instruction.I32_ADD);
        check(c, p -> {
            int old = p + 1;
            if (p == 7) return old + old * 100000;
            int nu = old * 2;
            return old + nu * 1000 + nu * 100000;
        });
    }

    @Test
    void twoStackEntriesOfTheSameLocal() {
        // [l1, l1] with l1 = p + 1, then l1 = l1 - 4: old * 3 + old + new * 1000.
        Bytes c = new Bytes().localGet(0).i32Const(1).op(Instruction.I32_ADD);
        tee(c, 1).i32Const(3).op(Instruction.I32_MUL).localGet(1).localGet(1).i32Const(4).op(Instruction.I32_SUB).localSet(1)
                .op(Instruction.I32_ADD).localGet(1).i32Const(1000).op(Instruction.I32_MUL).op(Instruction.I32_ADD);
        check(c, p -> (p + 1) * 3 + (p + 1) + (p + 1 - 4) * 1000);
    }
}
