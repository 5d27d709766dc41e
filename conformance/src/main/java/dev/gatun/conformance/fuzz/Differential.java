package dev.gatun.conformance.fuzz;

import dev.gatun.CompileError;
import dev.gatun.Module;
import dev.gatun.Tier;
import dev.gatun.WebAssembly;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Differential fuzzing against Node (V8) as the reference, and across Gatun's tiers, in the way of
 * wasmtime's differential fuzzing: binaryen's translate-to-fuzz ({@code wasm-opt -ttf}) turns seeded random
 * bytes into valid modules with the features Gatun runs (SIMD in a quarter of them); each runs in Node
 * ({@code trace.mjs}), Gatun's interpreter and Gatun's compiler, and the {@link Trace}s must agree.
 *
 * <p>The two tiers must agree exactly. Legitimate divergences from V8, as wasmtime lists them: NaN bits
 * (binaryen's {@code --denan} pass turns every NaN a scalar float instruction produces into 0, traces print
 * any NaN as "nan", and a module with SIMD float arithmetic, whose NaN lanes --denan does not reach, may
 * differ from V8 in memory: counted apart, see {@link #simdNaNs}), where the stack runs out (a module's trace ends at the first stack exhaustion in either
 * engine; only the calls before it are compared), and v128 across the JavaScript boundary (not callable).
 *
 * <p>Usage: {@code Differential [--modules N] [--seed S] [--minutes M] [--out DIR]}; scripts/fuzz runs it.
 * Divergent modules are kept in DIR with the three traces, to become regression tests.
 */
public final class Differential {
    private static final String[] FEATURES = {"--enable-bulk-memory", "--enable-multivalue", "--enable-sign-ext",
            "--enable-nontrapping-float-to-int", "--enable-mutable-globals"};
    private static final int BATCH = 50;

    /** Counts over a run. */
    public record Tally(int modules, long calls, long traps, int divergences, int nanSuspect, List<String> divergent) {
        @Override
        public String toString() {
            return modules + " modules, " + calls + " calls, " + traps + " traps, " + divergences + " divergences, "
                    + nanSuspect + " SIMD NaN-bit differences from node (tiers equal)";
        }
    }

    public static void main(String[] args) throws Exception {
        int modules = 1000;
        long seed = 1;
        double minutes = 0;
        Path out = Path.of("target/fuzz/differential");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--modules" -> modules = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        long deadline = minutes > 0 ? System.nanoTime() + (long) (minutes * 60e9) : Long.MAX_VALUE;
        Tally t = run(seed, minutes > 0 ? Integer.MAX_VALUE : modules, deadline, out, true);
        System.out.println("differential: seed " + seed + ": " + t);
        if (t.divergences() > 0) System.exit(1);
    }

    /** Generates and compares modules seed/0, seed/1, ... until {@code count} or the deadline. */
    public static Tally run(long seed, int count, long deadlineNanos, Path out, boolean progress) throws IOException, InterruptedException {
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("gatun-fuzz");
        Path script = work.resolve("trace.mjs");
        try (InputStream in = Differential.class.getResourceAsStream("trace.mjs")) {
            Files.write(script, in.readAllBytes());
        }
        int modules = 0, divergences = 0, nanSuspect = 0;
        long calls = 0, traps = 0;
        List<String> divergent = new ArrayList<>();
        try {
            for (int start = 0; start < count && System.nanoTime() < deadlineNanos; start += BATCH) {
                int n = Math.min(BATCH, count - start);
                List<Path> files = new ArrayList<>();
                for (int i = start; i < start + n; i++) files.add(generate(seed, i, work));
                Map<Path, Module> compiled = new HashMap<>();
                StringBuilder sigs = new StringBuilder();
                for (Path f : files) {
                    Module m;
                    try {
                        m = WebAssembly.compile(Files.readAllBytes(f), Tier.INTERPRETER);
                    } catch (CompileError e) {
                        // Node accepts every module binaryen writes; Gatun must too.
                        divergences++;
                        divergent.add(keep(f, out, "compile error: " + e.getMessage()));
                        continue;
                    }
                    compiled.put(f, m);
                    sigs.append(f).append("\t\t\t\n");
                    for (String[] s : Trace.callable(m)) sigs.append(f).append('\t').append(String.join("\t", s)).append('\n');
                }
                Map<String, List<String>> node = node(script, sigs.toString(), work);
                for (Path f : files) {
                    if (!compiled.containsKey(f)) continue;
                    modules++;
                    byte[] bytes = Files.readAllBytes(f);
                    List<String> ref = node.getOrDefault(f.toString(), List.of("node printed nothing"));
                    List<String> t1 = Trace.run(WebAssembly.compile(bytes, Tier.INTERPRETER));
                    List<String> t2 = Trace.run(WebAssembly.compile(bytes, Tier.COMPILER));
                    for (String l : comparable(ref, t1)) {
                        if (l.startsWith("log ") || l.startsWith("memory ") || l.startsWith("instantiate ")) continue;
                        calls++;
                        if (l.contains(" trap ")) traps++;
                    }
                    // The tiers must agree exactly (they share SIMD kernels, so not even NaN bits may differ)...
                    String why = differs(t1, t2, "compiler against interpreter");
                    // ...and agree with V8, but for NaN bits that SIMD float arithmetic may choose freely.
                    String vsNode = differs(ref, t1, "interpreter against node");
                    if (why == null && vsNode != null && simdNaNs(bytes)) {
                        nanSuspect++;
                        vsNode = null;
                    }
                    if (why == null) why = vsNode;
                    if (why != null) {
                        divergences++;
                        divergent.add(keep(f, out, why + "\n--- node\n" + String.join("\n", ref) + "\n--- interpreter\n"
                                + String.join("\n", t1) + "\n--- compiler\n" + String.join("\n", t2)));
                    }
                }
                for (Path f : files) Files.deleteIfExists(f);
                if (progress) System.out.printf("  %d modules, %d calls, %d traps, %d divergences, %d SIMD NaN%n", modules, calls, traps, divergences, nanSuspect);
            }
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(work.resolve("sigs.tsv"));
            Files.deleteIfExists(work.resolve("input.bin"));
            Files.deleteIfExists(work);
        }
        return new Tally(modules, calls, traps, divergences, nanSuspect, divergent);
    }

    /**
     * SIMD float arithmetic whose NaN results the spec leaves nondeterministic (any arithmetic NaN when an
     * input NaN is not canonical): binaryen's --denan does not reach into v128 lanes, so V8 and Gatun may
     * legitimately store different NaN bits. The bitwise ones (neg, abs, copysign, pmin, pmax) are exact.
     */
    static final java.util.regex.Pattern SIMD_NAN = java.util.regex.Pattern.compile(
            "\\b(f32x4|f64x2)\\.(add|sub|mul|div|min|max|sqrt|ceil|floor|trunc|nearest)\\b|f32x4\\.demote|f64x2\\.promote");

    static boolean simdNaNs(byte[] module) {
        return SIMD_NAN.matcher(dev.gatun.Wat.print(module)).find();
    }

    /** Module i of a seed: the same bytes, and so the same module, on every machine with this binaryen. */
    static Path generate(long seed, int i, Path work) throws IOException, InterruptedException {
        Random r = new Random(seed * 1_000_003L + i);
        byte[] noise = new byte[2000 + r.nextInt(30_000)];
        r.nextBytes(noise);
        Path in = work.resolve("input.bin"), mod = work.resolve("m" + seed + "-" + i + ".wasm");
        Files.write(in, noise);
        List<String> cmd = new ArrayList<>(List.of("wasm-opt", "-ttf", in.toString(), "--denan", "-o", mod.toString()));
        cmd.addAll(List.of(FEATURES));
        if (i % 4 == 0) cmd.add("--enable-simd");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("wasm-opt failed on seed " + seed + " module " + i);
        }
        return mod;
    }

    /** Runs trace.mjs over a batch; its output split by module. */
    private static Map<String, List<String>> node(Path script, String sigs, Path work) throws IOException, InterruptedException {
        Path list = work.resolve("sigs.tsv");
        Files.writeString(list, sigs);
        Process p = new ProcessBuilder("node", script.toString(), list.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] text = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) p.destroyForcibly();
        Map<String, List<String>> out = new HashMap<>();
        List<String> cur = null;
        for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("== ")) out.put(line.substring(3), cur = new ArrayList<>());
            else if (cur != null && !line.isEmpty()) cur.add(line);
        }
        return out;
    }

    /** The part of a trace comparable with another: up to the last call both completed before either ran out of stack. */
    static List<String> comparable(List<String> a, List<String> b) {
        int cut = Math.min(stackCut(a), stackCut(b));
        return a.subList(0, Math.min(cut, a.size()));
    }

    /** Index after the last call record before a stack exhaustion (its logs included), or the size. */
    private static int stackCut(List<String> t) {
        int last = 0;
        for (int i = 0; i < t.size(); i++) {
            String l = t.get(i);
            if (l.endsWith(" trap stack")) return last;
            if (!l.startsWith("log ")) last = i + 1;
        }
        return Integer.MAX_VALUE;
    }

    /** Why trace got differs from the reference, or null. */
    static String differs(List<String> ref, List<String> got, String tier) {
        List<String> a = comparable(ref, got), b = comparable(got, ref);
        if (a.equals(b)) return null;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) return tier + ": differs at line " + (i + 1) + ": want " + a.get(i) + ", got " + b.get(i);
        }
        return tier + ": " + b.size() + " lines, want " + a.size();
    }

    private static String keep(Path module, Path out, String why) throws IOException {
        Path dst = out.resolve(module.getFileName());
        Files.copy(module, dst, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(out.resolve(module.getFileName() + ".txt"), why + "\n");
        System.out.println("DIVERGENCE " + dst + ": " + why.lines().findFirst().orElse(""));
        return dst.toString();
    }
}
