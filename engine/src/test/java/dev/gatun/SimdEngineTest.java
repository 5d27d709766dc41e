package dev.gatun;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * v128 through the engine's plumbing rather than single instructions (the spec scripts cover those):
 * register pairs packed among scalars across Wasm and host calls, v128 globals through the API, typed
 * select, loop params, a shuffle plan in a callee's pool, and the memory trap of a SIMD load.
 */
class SimdEngineTest {
    /*
     * (module
     *   (import "host" "swap" (func $swap (param v128 i32 v128) (result v128 i64 v128)))
     *   (memory 1)
     *   (global $g (export "g") (mut v128) (v128.const i32x4 1 2 3 4))
     *   (func (export "mix") (param $a v128) (param $x i32) (param $b v128) (result v128 i64 v128)
     *     local.get $a local.get $x local.get $b call $swap)
     *   (func (export "addg") (param v128) (result v128)
     *     (global.set $g (i32x4.add (global.get $g) (local.get 0))) (global.get $g))
     *   (func (export "sel") (param v128 v128 i32) (result v128) local.get 0 local.get 1 local.get 2 select)
     *   (func $rev (param v128) (result v128)
     *     local.get 0 local.get 0 i8x16.shuffle 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0)
     *   (func (export "loop") (param $v v128) (param $n i32) (result i32 v128)
     *     (local $acc v128)
     *     local.get $v
     *     (loop $l (param v128) (result v128)
     *       call $rev call $rev
     *       local.get $acc i32x4.add local.set $acc
     *       local.get $v
     *       local.get $n i32.const 1 i32.sub local.tee $n
     *       br_if $l)
     *     drop
     *     local.get $n local.get $acc)
     *   (func (export "oob") (param i32) (result v128) local.get 0 v128.load offset=8))
     */
    private static final byte[] WASM = HexFormat.of().parseHex(
            "0061736d0100000001220560037b7f7b037b7e7b60017b017b60037b7b7f017b60027b7f027f7b60017f017b020d0104686f73740473776170000003070600010201030405030100010616017b01fd0c010000000200000003000000040000000b07250601670300036d69780001046164646700020373656c0003046c6f6f700005036f6f6200060a6b060a0020002001200210000b0d0023002000fdae01240023000b09002000200120021b0b180020002000fd0d0f0e0d0c0b0a090807060504030201000b2401017b20000301100410042002fdae0121022000200141016b22010d000b1a200120020b08002000fd0004080b");

    private static final FunctionType SWAP = FunctionType.of(
            List.of(ValType.V128, ValType.I32, ValType.V128), List.of(ValType.V128, ValType.I64, ValType.V128));

    private static Instance instance() {
        Imports imports = Imports.builder()
                .function("host", "swap", SWAP, args -> new Value[] {
                        args[2], Value.i64(((Value.I32) args[1]).value() * 10L), args[0]})
                .build();
        return WebAssembly.instantiate(WebAssembly.compile(WASM), imports);
    }

    private static Value v(long lo, long hi) { return new Value.V128(lo, hi); }

    @Test
    void v128PairsAmongScalarsAcrossWasmAndHostCalls() {
        Value[] r = instance().exports().function("mix").call(v(1, 2), Value.i32(7), v(3, 4));
        assertArrayEquals(new Value[] {v(3, 4), Value.i64(70), v(1, 2)}, r);
    }

    @Test
    void v128GlobalThroughWasmAndApi() {
        Instance inst = instance();
        Global g = inst.exports().global("g");
        assertEquals(v(1L | 2L << 32, 3L | 4L << 32), g.get());
        Value r = inst.exports().function("addg").call(v(10L | 20L << 32, 30L | 40L << 32))[0];
        assertEquals(v(11L | 22L << 32, 33L | 44L << 32), r);
        g.set(v(-1, -2));
        assertEquals(v(-1, -2), g.get());
        Value r2 = inst.exports().function("addg").call(v(1, 0))[0];
        assertEquals(v(0xFFFF_FFFFL << 32, -2), r2);
    }

    @Test
    void typedSelectOnV128() {
        Function sel = instance().exports().function("sel");
        assertEquals(v(5, 6), sel.call(v(5, 6), v(7, 8), Value.i32(1))[0]);
        assertEquals(v(7, 8), sel.call(v(5, 6), v(7, 8), Value.i32(0))[0]);
    }

    @Test
    void loopWithV128ParamsAndShuffleInCallee() {
        // Reversing twice is the identity, so acc = n * v lane-wise (i32x4), and n counts down to 0.
        Value[] r = instance().exports().function("loop").call(v(1L | 2L << 32, 3L | 4L << 32), Value.i32(5));
        assertEquals(Value.i32(0), r[0]);
        assertEquals(v(5L | 10L << 32, 15L | 20L << 32), r[1]);
    }

    @Test
    void simdLoadOutOfBoundsTraps() {
        Function oob = instance().exports().function("oob");
        assertEquals(v(0, 0), oob.call(Value.i32(65536 - 24))[0]);
        RuntimeError e = assertThrows(RuntimeError.class, () -> oob.call(Value.i32(65536 - 23)));
        assertEquals(RuntimeError.Trap.OUT_OF_BOUNDS_MEMORY, e.trap());
        assertThrows(RuntimeError.class, () -> oob.call(Value.i32(-1)));
    }
}
