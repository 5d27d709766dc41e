package dev.gatun.bench.tools;

import dev.gatun.WebAssembly;
import dev.gatun.binary.ModuleDecoder;
import dev.gatun.interpreter.IrFunction;
import dev.gatun.interpreter.IrOp;
import dev.gatun.model.WasmModule;
import dev.gatun.tiering.CodeCache;
import java.nio.file.Files;
import java.nio.file.Path;

/** Prints the register IR of one function: {@code DumpIr file.wasm funcidx}. A debugging aid. */
public final class DumpIr {
    public static void main(String[] args) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(args[0]));
        WebAssembly.compile(bytes);   // the translator expects a valid module
        WasmModule m = ModuleDecoder.decode(bytes);
        int f = Integer.parseInt(args[1]);
        IrFunction c = new CodeCache(m, CodeCache.INTERPRET).code(f);
        System.out.println("nParams=" + c.nParams + " nLocals=" + c.nLocals + " consts=" + c.consts.length + " frame=" + c.frameSize);
        for (int pc = 0; pc < c.code.length; pc++) {
            long w = c.code[pc];
            int op = (int) w & 0x3FF;
            System.out.printf("%4d: op=%d a=%d b=%d c=%d%n", pc, op, (int) (w >>> 10) & IrOp.FIELD_MASK, (int) (w >>> 28) & IrOp.FIELD_MASK, (int) (w >>> 46));
        }
    }

    private DumpIr() {}
}
