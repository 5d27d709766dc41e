package dev.gatun.interp;

import dev.gatun.binary.ModuleAccess;
import dev.gatun.binary.WasmModule;
import dev.gatun.WebAssembly;

import java.nio.file.Files;
import java.nio.file.Path;

/** Prints the register IR of one function: {@code DumpIr file.wasm funcidx}. A debugging aid. */
public final class DumpIr {
    public static void main(String[] args) throws Exception {
        WasmModule m = ModuleAccess.wasm(WebAssembly.compile(Files.readAllBytes(Path.of(args[0]))));
        int f = Integer.parseInt(args[1]);
        CodeCache cc = new CodeCache(m);
        Code c = cc.get(f);
        System.out.println("nParams=" + c.nParams + " nLocals=" + c.nLocals + " consts=" + c.consts.length + " frame=" + c.frameSize);
        for (int pc = 0; pc < c.code.length; pc++) {
            long w = c.code[pc];
            int op = (int) w & 0x3FF;
            System.out.printf("%4d: op=%d a=%d b=%d c=%d%n", pc, op, (int) (w >>> 10) & Op.FIELD_MASK, (int) (w >>> 28) & Op.FIELD_MASK, (int) (w >>> 46));
        }
    }
}
