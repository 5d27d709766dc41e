package dev.gatun;

import java.util.List;
import dev.gatun.model.Instruction;
import dev.gatun.testing.ModuleBuilder;
import dev.gatun.testing.ModuleBuilder.Bytes;
import org.junit.jupiter.api.Test;

import static dev.gatun.testing.ModuleBuilder.I32;
import static org.junit.jupiter.api.Assertions.*;

/** The translator's fused forms keep Wasm semantics: wrapping addresses, mirrored compares, swapped selects. */
class FusionTest {
    private static Exports instantiate(ModuleBuilder b) {
        return WebAssembly.instantiate(WebAssembly.compile(b.build()), Imports.empty()).exports();
    }

    /** store(base, idx, v) = i32.store8/i32.store (base + idx) v, the add fused into the store. */
    @Test
    void storeWithAddedAddressWrapsAt32Bits() {
        ModuleBuilder b = new ModuleBuilder().memory(1);
        int st = b.type(new int[] {I32, I32, I32}, new int[0]);
        int ld = b.type(new int[] {I32}, new int[] {I32});
        int store8 = b.func(st, new int[0][], new Bytes().localGet(0).localGet(1).op(Instruction.I32_ADD).localGet(2)
                .op(0x3A, 0x00, 0x00).op(Instruction.END).toArray());
        int store32 = b.func(st, new int[0][], new Bytes().localGet(0).localGet(1).op(Instruction.I32_ADD).localGet(2)
                .op(0x36, 0x02, 0x00).op(Instruction.END).toArray());
        int load32 = b.func(ld, new int[0][], new Bytes().localGet(0).op(0x28, 0x02, 0x00).op(Instruction.END).toArray());
        b.exportFunc("store8", store8).exportFunc("store32", store32).exportFunc("load32", load32);
        Exports e = instantiate(b);
        // -4 + 8 wraps to address 4 in Wasm's 32-bit arithmetic.
        e.function("store8").call(Value.i32(-4), Value.i32(8), Value.i32(0x1AB));
        assertEquals(Value.i32(0xAB), e.function("load32").call(Value.i32(4))[0]);
        e.function("store32").call(Value.i32(0x7FFF_FFFF), Value.i32(0x8000_0009), Value.i32(0x12345678));
        assertEquals(Value.i32(0x12345678), e.function("load32").call(Value.i32(8))[0]);
        RuntimeError err = assertThrows(RuntimeError.class,
                () -> e.function("store32").call(Value.i32(65534), Value.i32(0), Value.i32(1)));
        assertEquals(RuntimeError.Trap.OUT_OF_BOUNDS_MEMORY, err.trap());
    }

    /** count(n): i = 0; do i++ while (n CMP i); return i, with the counter as the compare's right operand. */
    private static int count(Instruction cmp, int n) {
        ModuleBuilder b = new ModuleBuilder();
        int t = b.type(new int[] {I32}, new int[] {I32});
        int f = b.func(t, new int[][] {{1, I32}}, new Bytes().op(0x03, 0x40)
                .localGet(0).localGet(1).i32Const(1).op(Instruction.I32_ADD).op(Instruction.LOCAL_TEE).u32(1)
                .op(cmp).op(Instruction.BR_IF).u32(0).op(Instruction.END)
                .localGet(1).op(Instruction.END).toArray());
        b.exportFunc("count", f);
        Value v = instantiate(b).function("count").call(Value.i32(n))[0];
        return ((Value.I32) v).value();
    }

    @Test
    void loopCounterOnTheRightOfTheCompare() {
        assertEquals(10, count(Instruction.I32_NE, 10));  // ne
        assertEquals(1, count(Instruction.I32_EQ, 10));   // eq
        assertEquals(10, count(Instruction.I32_GT_U, 10));  // gt_u
        assertEquals(7, count(Instruction.I32_GT_S, 7));    // gt_s
        assertEquals(1, count(Instruction.I32_GT_S, -5));   // gt_s, negative bound
        assertEquals(1, count(Instruction.I32_LT_U, 10));   // lt_u
        assertEquals(1, count(Instruction.I32_LT_S, 3));    // lt_s
        assertEquals(1, count(Instruction.I32_LE_S, 5));    // le_s (mirrors to ge_s: not fused)
        assertEquals(6, count(Instruction.I32_GE_S, 5));    // ge_s (mirrors to le_s: not fused)
    }

    @Test
    void selectOnLeAndGe() {
        int[][] pairs = {{1, 2}, {2, 1}, {2, 2}, {-1, 1}, {1, -1}};
        for (Instruction cmp : List.of(Instruction.I32_LE_S, Instruction.I32_LE_U, Instruction.I32_GE_S, Instruction.I32_GE_U)) {
            ModuleBuilder b = new ModuleBuilder();
            int t = b.type(new int[] {I32, I32}, new int[] {I32});
            int f = b.func(t, new int[0][], new Bytes().i32Const(100).i32Const(200).localGet(0).localGet(1)
                    .op(cmp).op(Instruction.SELECT).op(Instruction.END).toArray());
            b.exportFunc("sel", f);
            Function sel = instantiate(b).function("sel");
            for (int[] p : pairs) {
                int x = p[0], y = p[1];
                boolean c = switch (cmp) {
                    case I32_LE_S -> x <= y;
                    case I32_LE_U -> Integer.compareUnsigned(x, y) <= 0;
                    case I32_GE_S -> x >= y;
                    default -> Integer.compareUnsigned(x, y) >= 0;
                };
                assertEquals(Value.i32(c ? 100 : 200), sel.call(Value.i32(x), Value.i32(y))[0],
                        cmp.text + " on " + x + ", " + y);
            }
        }
    }
}
