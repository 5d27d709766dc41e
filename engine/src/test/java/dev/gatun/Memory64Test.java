package dev.gatun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * memory64 bounds at the top of the 64-bit range, multi-memory across address types, and the relaxed SIMD
 * choices of the deterministic profile, each in both tiers (which must agree bit for bit).
 */
class Memory64Test {
    private static Instance instance(String wat, Tier tier) {
        return WebAssembly.instantiate(WebAssembly.compile(Wat.parse(wat), tier), Imports.empty());
    }

    private static final String MEM64 = """
            (module
              (memory i64 1)
              (func (export "load") (param i64) (result i64) (i64.load (local.get 0)))
              (func (export "loadFar") (param i64) (result i64) (i64.load offset=0xFFFFFFFFFFFFFFF0 (local.get 0)))
              (func (export "store") (param i64 i64) (i64.store (local.get 0) (local.get 1)))
              (func (export "size") (result i64) (memory.size))
              (func (export "grow") (param i64) (result i64) (memory.grow (local.get 0))))
            """;

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void addressesTrapAtTheTopOfThe64BitRange(Tier tier) {
        Exports e = instance(MEM64, tier).exports();
        e.function("store").call(Value.i64(65528), Value.i64(0x1122334455667788L));
        assertEquals(Value.i64(0x1122334455667788L), e.function("load").call(Value.i64(65528))[0]);
        // The last in-bounds start is 65528; one past it, an address of 2^63 and more (negative as a Java
        // long), and address + offset wrapping past 2^64 to a small in-bounds number must all trap.
        for (long bad : new long[] {65529, 1L << 32, Long.MIN_VALUE, -8, -1}) {
            RuntimeError err = assertThrows(RuntimeError.class, () -> e.function("load").call(Value.i64(bad)), Long.toHexString(bad));
            assertEquals(RuntimeError.Trap.OUT_OF_BOUNDS_MEMORY, err.trap());
        }
        // 0x20 + 0xFFFFFFFFFFFFFFF0 wraps to 0x10, which is in bounds: the unsigned overflow must trap.
        RuntimeError wrap = assertThrows(RuntimeError.class, () -> e.function("loadFar").call(Value.i64(0x20)));
        assertEquals(RuntimeError.Trap.OUT_OF_BOUNDS_MEMORY, wrap.trap());
        assertEquals(Value.i64(1), e.function("size").call()[0]);
        assertEquals(Value.i64(1), e.function("grow").call(Value.i64(1))[0]);
        assertEquals(Value.i64(-1), e.function("grow").call(Value.i64(-1))[0]);
        assertEquals(Value.i64(2), e.function("size").call()[0]);
    }

    private static final String TWO_MEMORIES = """
            (module
              (memory $a 1)
              (memory $b i64 1)
              (data (memory $b) (i64.const 100) "\\01\\02\\03\\04")
              (func (export "copyBToA") (param i32 i64 i32) (memory.copy $a $b (local.get 0) (local.get 1) (local.get 2)))
              (func (export "loadA") (param i32) (result i32) (i32.load $a (local.get 0)))
              (func (export "loadB") (param i64) (result i32) (i32.load $b (local.get 0)))
              (func (export "fillB") (param i64 i32 i64) (memory.fill $b (local.get 0) (local.get 1) (local.get 2)))
              (func (export "sizeB") (result i64) (memory.size $b)))
            """;

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void copiesBetweenMemoriesOfEitherAddressType(Tier tier) {
        Exports e = instance(TWO_MEMORIES, tier).exports();
        assertEquals(Value.i32(0x04030201), e.function("loadB").call(Value.i64(100))[0]);
        assertEquals(Value.i32(0), e.function("loadA").call(Value.i32(8))[0]);
        e.function("copyBToA").call(Value.i32(8), Value.i64(100), Value.i32(4));
        assertEquals(Value.i32(0x04030201), e.function("loadA").call(Value.i32(8))[0]);
        e.function("fillB").call(Value.i64(100), Value.i32(0xAB), Value.i64(2));
        assertEquals(Value.i32(0x0403ABAB), e.function("loadB").call(Value.i64(100))[0]);
        RuntimeError err = assertThrows(RuntimeError.class,
                () -> e.function("copyBToA").call(Value.i32(0), Value.i64(65535), Value.i32(2)));
        assertEquals(RuntimeError.Trap.OUT_OF_BOUNDS_MEMORY, err.trap());
        assertEquals(Value.i64(1), e.function("sizeB").call()[0]);
    }

    private static final String RELAXED = """
            (module
              (func (export "madd") (param f32 f32 f32) (result f32)
                (f32x4.extract_lane 0 (f32x4.relaxed_madd (f32x4.splat (local.get 0)) (f32x4.splat (local.get 1))
                                                         (f32x4.splat (local.get 2)))))
              (func (export "dot") (param i32 i32) (result i32)
                (i16x8.extract_lane_s 0 (i16x8.relaxed_dot_i8x16_i7x16_s (i8x16.splat (local.get 0)) (i8x16.splat (local.get 1)))))
              (func (export "swizzle") (param i32) (result i32)
                (i8x16.extract_lane_u 0 (i8x16.relaxed_swizzle (v128.const i8x16 7 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0)
                                                               (i8x16.splat (local.get 0))))))
            """;

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void relaxedSimdMakesTheDocumentedChoices(Tier tier) {
        Exports e = instance(RELAXED, tier).exports();
        // (1 + 2^-12)^2 - 1 is 2^-11 + 2^-24 exactly; a separate multiply would round the 2^-24 away.
        float x = 1 + 0x1p-12f;
        assertEquals(Value.f32(0x1p-11f + 0x1p-24f), e.function("madd").call(Value.f32(x), Value.f32(x), Value.f32(-1))[0]);
        // -128 * -128 twice is 32768: the 16-bit pair sum wraps (b read as signed).
        assertEquals(Value.i32(-32768), e.function("dot").call(Value.i32(-128), Value.i32(-128))[0]);
        // An index of 16 or more selects 0, as i8x16.swizzle.
        assertEquals(Value.i32(7), e.function("swizzle").call(Value.i32(0))[0]);
        assertEquals(Value.i32(0), e.function("swizzle").call(Value.i32(200))[0]);
    }

    @Test
    void theWasm2ProfileRejectsWhatWasm3Allows() {
        byte[] twoMemories = Wat.parse("(module (memory 1) (memory 1))");
        WebAssembly.compile(twoMemories, Tier.INTERPRETER, WasmVersion.WASM_3_0);
        CompileError e = assertThrows(CompileError.class, () -> WebAssembly.compile(twoMemories, Tier.INTERPRETER, WasmVersion.WASM_2_0));
        assertEquals(CompileError.Kind.INVALID, e.kind());
        byte[] mem64 = Wat.parse("(module (memory i64 1))");
        WebAssembly.compile(mem64, Tier.INTERPRETER, WasmVersion.WASM_3_0);
        CompileError m = assertThrows(CompileError.class, () -> WebAssembly.compile(mem64, Tier.INTERPRETER, WasmVersion.WASM_2_0));
        assertEquals(CompileError.Kind.MALFORMED, m.kind());
    }
}
