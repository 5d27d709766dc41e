package dev.gatun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;


import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Trap frames carry the module byte offset of the instruction each frame stopped at, as Node prints them. */
class TrapOffsetsTest {
    private static final String WAT = """
            (module (memory 1)
              (func $load (export "load") (param i32) (result i32) local.get 0 i32.load offset=1234)
              (func $div (export "div") (param i32) (result i32) i32.const 7 local.get 0 i32.div_u)
              (func $outer (export "outer") (param i32) (result i32)
                local.get 0 i32.const 1 i32.add local.get 0 drop call $load))
            """;

    private static final byte[] BYTES = Wat.parse(WAT);

    /** The module offset of the first occurrence of {@code pattern}, plus {@code skip}. */
    private static long at(int skip, int... pattern) {
        outer:
        for (int i = 0; i + pattern.length <= BYTES.length; i++) {
            for (int j = 0; j < pattern.length; j++) if ((BYTES[i + j] & 0xFF) != pattern[j]) continue outer;
            return i + skip;
        }
        throw new AssertionError("pattern not in the module");
    }

    private static final long LOAD = at(0, 0x28, 0x02, 0xD2, 0x09);          // i32.load offset=1234
    private static final long DIV = at(4, 0x41, 0x07, 0x20, 0x00, 0x6E);     // ... i32.div_u
    private static final long CALL = at(3, 0x20, 0x00, 0x1A, 0x10, 0x00);    // drop call $load

    private static RuntimeError trap(Tier tier, String export, int arg) {
        Instance i = WebAssembly.instantiate(WebAssembly.compile(BYTES, tier), Imports.empty());
        return assertThrows(RuntimeError.class, () -> i.exports().function(export).call(Value.i32(arg)));
    }

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void theInnermostFrameIsTheTrappingInstruction(Tier tier) {
        RuntimeError oob = trap(tier, "load", 65536);
        assertEquals(RuntimeError.Trap.OUT_OF_BOUNDS_MEMORY, oob.trap());
        assertEquals(List.of(new RuntimeError.Frame(0, "load", LOAD)), oob.wasmStack());
        RuntimeError div = trap(tier, "div", 0);
        assertEquals(List.of(new RuntimeError.Frame(1, "div", DIV)), div.wasmStack());
        assertEquals("div (wasm-function[1]:0x" + Long.toHexString(DIV) + ")", div.wasmStack().get(0).toString());
    }

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void callersStopAtTheirCall(Tier tier) {
        RuntimeError e = trap(tier, "outer", 65536);
        assertEquals(List.of(new RuntimeError.Frame(0, "load", LOAD), new RuntimeError.Frame(2, "outer", CALL)), e.wasmStack());
        assertEquals(e.getMessage(), "out of bounds memory access\n    at load (wasm-function[0]:0x" + Long.toHexString(LOAD)
                + ")\n    at outer (wasm-function[2]:0x" + Long.toHexString(CALL) + ")");
    }
}
