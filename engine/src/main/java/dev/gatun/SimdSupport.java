package dev.gatun;

import dev.gatun.binary.InstructionReader;
import dev.gatun.binary.WasmReader;
import dev.gatun.model.Instruction;
import dev.gatun.model.ValType;
import dev.gatun.model.WasmModule;

/**
 * Whether this JVM can run SIMD: the engine's v128 code is built on the incubating Vector API, which
 * the class path only sees with {@code --add-modules jdk.incubator.vector}. Without it, a module that
 * uses v128 fails to compile with an error naming the flag, instead of a NoClassDefFoundError at its
 * first SIMD instruction. Modules without v128 run either way.
 */
final class SimdSupport {
    private SimdSupport() {}

    static final String FLAG = "--add-modules jdk.incubator.vector";

    /** The Vector API is loadable from the engine (resolved in the boot layer, or by a module path). */
    static final boolean AVAILABLE = available();

    private static boolean available() {
        try {
            Class.forName("jdk.incubator.vector.VectorSpecies", false, SimdSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Fails when {@code m} needs the Vector API and it is missing; scans only in that case. */
    static void check(WasmModule m) {
        if (AVAILABLE || !usesV128(m)) return;
        throw new CompileError(CompileError.Kind.UNSUPPORTED, -1, "the module uses SIMD (v128), which needs the "
                + "Vector API: run the JVM with " + FLAG);
    }

    /** Any v128 in a type, global or local, or any SIMD instruction (some use v128 only on the stack). */
    static boolean usesV128(WasmModule m) {
        for (dev.gatun.model.DefinedType d : m.types())
            if (d.isFunc() && (d.func().params().contains(ValType.V128) || d.func().results().contains(ValType.V128))) return true;
        for (dev.gatun.model.GlobalType g : m.globals()) if (g.valType() == ValType.V128) return true;
        for (WasmModule.FunctionBody b : m.codes()) {
            for (ValType t : b.locals()) if (t == ValType.V128) return true;
            WasmReader r = new WasmReader(b.code(), 0, b.code().length, 0);
            while (!r.atEnd()) {
                Instruction in = InstructionReader.next(r);
                if (in.prefix == Instruction.PREFIX_SIMD) return true;
                InstructionReader.skipImmediates(in, r);
            }
        }
        return false;
    }
}
