package dev.gatun.conformance.fuzz;

import dev.gatun.CompileError;
import dev.gatun.Tier;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * WasmGC differential fuzzing against binaryen's own interpreter (Node 20, the reference of
 * {@link Differential}, has no GC): {@code wasm-opt -ttf --fuzz-exec-before} makes a module and prints how
 * binaryen ran it; Gatun's interpreter and compiler run it the same way (exports in order, zero arguments,
 * binaryen's fuzzing-support imports) and the normalized traces must agree.
 *
 * <p>Normalized lines: {@code export NAME}, {@code log V..}, {@code result V..}, {@code trap},
 * {@code exception jserror}. References print as binaryen prints them ({@code null}, {@code function},
 * {@code object(null)}, {@code i31ref(N)}, {@code externref(N)}); Gatun's floats print as {@code ~f32:BITS}
 * and match binaryen's decimal by value. A trace is compared up to the export where binaryen hit a host
 * limit or Gatun ran out of stack, since the two engines' stacks differ.
 *
 * <p>Usage: {@code GcDifferential --wasm-opt PATH [--modules N] [--seed S] [--out DIR] [--corpus DIR]};
 * with {@code --corpus}, every module that agreed is kept there with binaryen's own output
 * ({@code NAME.wasm}, {@code NAME.fuzz-exec.txt}), for {@code GcCorpusTest} to replay without binaryen.
 */
public final class GcDifferential {
    static final String[] FEATURES = {"--enable-gc", "--enable-reference-types", "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-multivalue",
            "--enable-mutable-globals", "--enable-tail-call"};

    public static void main(String[] args) throws Exception {
        int modules = 100;
        long seed = 1;
        Path out = Path.of("target/fuzz/gc-differential");
        String wasmOpt = null;
        Path corpus = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--modules" -> modules = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--wasm-opt" -> wasmOpt = args[++i];
                case "--corpus" -> corpus = Path.of(args[++i]);
                default -> { System.err.println("gc-differential: unknown argument " + args[i]); System.exit(2); }
            }
        }
        if (wasmOpt == null) { System.err.println("gc-differential: --wasm-opt PATH is required"); System.exit(2); }
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("gatun-gcfuzz");
        int ran = 0, skipped = 0, divergent = 0, uncompilable = 0;
        for (int i = 0; i < modules; i++) {
            Random r = new Random(seed * 1_000_003L + i);
            byte[] noise = new byte[1000 + r.nextInt(12_000)];
            r.nextBytes(noise);
            Path in = work.resolve("in.bin"), mod = work.resolve("g" + seed + "-" + i + ".wasm");
            Files.write(in, noise);
            List<String> raw = reference(wasmOpt, in, mod);
            if (raw == null) { skipped++; continue; }
            List<String> ref = GcTrace.normalize(raw);
            byte[] bytes = Files.readAllBytes(mod);
            ran++;
            int uncompilableBefore = uncompilable;
            String why = null;
            List<String> t1 = List.of(), t2 = List.of();
            try {
                t1 = GcTrace.run(bytes, Tier.INTERPRETER, false);
                try {
                    t2 = GcTrace.run(bytes, Tier.COMPILER, true);
                } catch (CompileError e) {
                    if (e.kind() != CompileError.Kind.UNCOMPILABLE) throw e;
                    // A function tier 2 cannot split under the method budget: counted, and the rest still compared.
                    uncompilable++;
                    System.out.println("UNCOMPILABLE " + mod.getFileName() + ": " + e.getMessage());
                    t2 = GcTrace.run(bytes, Tier.COMPILER, false);
                }
                why = GcTrace.differs(ref, t1, "interpreter");
                if (why == null) why = GcTrace.differs(ref, t2, "compiler");
            } catch (CompileError e) {
                why = "compile error: " + e.getMessage();
            } catch (RuntimeException | StackOverflowError e) {
                why = "driver: " + e;
            }
            if (why != null) {
                divergent++;
                Files.copy(mod, out.resolve(mod.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(out.resolve(mod.getFileName() + ".txt"), why + "\n--- binaryen\n" + String.join("\n", ref)
                        + "\n--- interpreter\n" + String.join("\n", t1) + "\n--- compiler\n" + String.join("\n", t2) + "\n");
                System.out.println("DIVERGENCE " + out.resolve(mod.getFileName()) + ": " + why);
            }
            else if (corpus != null && uncompilableBefore == uncompilable) {
                Files.createDirectories(corpus);
                Files.copy(mod, corpus.resolve(mod.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                Files.write(corpus.resolve(mod.getFileName().toString().replace(".wasm", ".fuzz-exec.txt")), raw);
            }
            Files.deleteIfExists(mod);
        }
        Files.deleteIfExists(work.resolve("in.bin"));
        Files.deleteIfExists(work);
        System.out.println("gc-differential: seed " + seed + ": " + ran + " modules, " + skipped + " skipped (wasm-opt failed), "
                + divergent + " divergences, " + uncompilable + " with a function tier 2 could not compile (compared with it interpreted)");
        if (divergent > 0) System.exit(1);
    }

    /** Generates the module and binaryen's output running it, or null if wasm-opt failed or took over 60 s. */
    static List<String> reference(String wasmOpt, Path in, Path mod) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("node", wasmOpt, in.toString(), "-ttf", "--fuzz-exec-before", "-o", mod.toString()));
        cmd.addAll(List.of(FEATURES));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] text = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) { p.destroyForcibly(); return null; }
        if (p.exitValue() != 0 || !Files.exists(mod)) return null;
        return new String(text, StandardCharsets.UTF_8).lines().toList();
    }
}
