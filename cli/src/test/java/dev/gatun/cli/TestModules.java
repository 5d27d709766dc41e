package dev.gatun.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/** Small modules for the CLI tests, as wat2wasm 1.0 binaries (the text beside each) so no tool is needed at test time. */
final class TestModules {
    private TestModules() {}

    /** (func (export "spin") (loop br 0)) */
    static final String SPIN = "0061736d0100000001040160000003020100070801047370696e00000a0901070003400c000b0b";

    /**
     * Imports fd_write and proc_exit; exports memory, an empty _start, "hello" (writes "hi\n" to fd 1 and
     * returns fd_write's errno) and "quit" (proc_exit with its argument).
     */
    static final String WASI = "0061736d0100000001140460047f7f7f7f017f60017f006000006000017f02460216776173695f736e617073686f"
            + "745f70726576696577310866645f7772697465000016776173695f736e617073686f745f70726576696577310970726f635f"
            + "6578697400010304030203010503010001072204066d656d6f72790200065f737461727400020568656c6c6f0003047175"
            + "697400040a260302000b1a004100410836020041044103360200410141004101411010000b0600200010010b0b09010041"
            + "080b0368690a";

    /** (func $down (export "down") (param i32) (if (i32.eqz (local.get 0)) (then unreachable)) (call $down (i32.sub ...))): no name section. */
    static final String DEEP = "0061736d0100000001050160017f000302010007080104646f776e00000a120110002000450440000b200041016b10000b";

    /** Imports proc_exit, exports no memory; _start spins forever (a proc_exit(3) after the loop is never reached). */
    static final String COMMAND_SPIN = "0061736d0100000001080260017f0060000002240116776173695f736e617073686f745f70726576696577"
            + "310970726f635f65786974000003020101070a01065f737461727400010a13011100410045044003400c000b0b410310000b";

    /** Imports proc_exit, exports no memory; _start calls proc_exit(3). */
    static final String COMMAND_EXIT = "0061736d0100000001080260017f0060000002240116776173695f736e617073686f745f70726576696577"
            + "310970726f635f65786974000003020101070a01065f737461727400010a08010600410310000b";

    /** (memory 1) (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))) */
    static final String GROW = "0061736d0100000001060160017f017f0302010005030100010708010467726f7700000a08010600200040000b";

    /**
     * (import "env" "g" (global i32)) (table 4 funcref) (memory 1), globals i32 42 / mut i64 -7 / f64 1.5 /
     * global.get 0, (func $f (result i32) i32.const 1), (func (export "h") ...), (elem (i32.const 1) $f $h),
     * (data (i32.const 16) "hello, world"), (data "passive").
     */
    static final String PARTS = "0061736d010000000105016000017f020a0103656e760167037f0003030200000404017000040503010001061c047f"
            + "00412a0b7e0142790b7c0044000000000000f83f0b7f0023000b070501016800010908010041010b0200010a0e02040041"
            + "010b0700100023016a0b0b1b020041100b0c68656c6c6f2c20776f726c64010770617373697665";

    static Path write(Path dir, String name, String hex) {
        try {
            return Files.write(dir.resolve(name), HexFormat.of().parseHex(hex));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
