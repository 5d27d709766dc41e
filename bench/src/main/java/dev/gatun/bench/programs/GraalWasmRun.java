package dev.gatun.bench.programs;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Runs a WASI command module under GraalWasm 25 with its own WASI preview 1 ({@code wasm.Builtins =
 * wasi_snapshot_preview1}), as {@code gatun run FILE ARGS...} does under Gatun. Needs the JVM flags of the
 * comparison harness's GraalWasm fork (Truffle on the module path, the Graal compiler on the upgrade module
 * path, JVMCI on; see compare.GraalWasmCompare), which scripts/bench-programs passes. The program's exit
 * status becomes the process's; GraalWasm's runtime name goes to stderr when it is not the optimizing one.
 */
public final class GraalWasmRun {
    public static void main(String[] argv) throws Exception {
        if (argv.length < 1) {
            System.err.println("usage: GraalWasmRun FILE.wasm ARGS...");
            System.exit(2);
        }
        Path file = Path.of(argv[0]);
        String[] args = new String[argv.length];
        args[0] = file.getFileName().toString();
        System.arraycopy(argv, 1, args, 1, argv.length - 1);
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        OutputStream err = new BufferedOutputStream(new FileOutputStream(FileDescriptor.err), 1 << 16);
        int status = 0;
        try (Context context = Context.newBuilder("wasm")
                .option("wasm.Builtins", "wasi_snapshot_preview1")
                .arguments("wasm", args)
                .out(out).err(err).in(System.in)
                .build()) {
            String runtime = context.getEngine().getImplementationName();
            if (runtime.toLowerCase().contains("interpreted")) System.err.println("graalwasm runtime: " + runtime);
            Source source = Source.newBuilder("wasm", ByteSequence.create(Files.readAllBytes(file)), "main").build();
            Value instance = context.eval(source).newInstance();
            try {
                instance.getMember("exports").getMember("_start").execute();
            } catch (PolyglotException e) {
                if (!e.isExit()) throw e;
                status = e.getExitStatus();
            }
        } catch (PolyglotException e) {
            if (!e.isExit()) throw e;
            status = e.getExitStatus();
        } finally {
            out.flush();
            err.flush();
        }
        System.exit(status);
    }
}
