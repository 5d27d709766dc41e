package dev.gatun.conformance.fuzz;

import dev.gatun.CompileError;
import dev.gatun.FunctionType;
import dev.gatun.Global;
import dev.gatun.GlobalType;
import dev.gatun.ImportDescriptor;
import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.InstanceLimits;
import dev.gatun.LinkError;
import dev.gatun.Memory;
import dev.gatun.MemoryType;
import dev.gatun.Module;
import dev.gatun.RuntimeError;
import dev.gatun.Table;
import dev.gatun.TableType;
import dev.gatun.Tier;
import dev.gatun.Value;
import dev.gatun.ValType;
import dev.gatun.WasmException;
import dev.gatun.TagType;
import dev.gatun.Tag;
import dev.gatun.Wat;
import dev.gatun.WebAssembly;
import dev.gatun.ExportDescriptor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Mutation fuzzing of the front end: seed modules (binary, and their text printed by {@link Wat#print}) are
 * mutated, a few random edits each, and must either compile or fail with a {@link CompileError} (text:
 * also from {@link Wat#parse}) within a second; a mutant that compiles is instantiated under caps and its
 * exports run on fuel, where only the API's own errors may come out. Anything else (a raw Java exception, a
 * JVM error, a slow or hung compile) is a failure, kept with its seed and index to become a regression test.
 *
 * <p>Usage: {@code Mutate [--mutants N] [--seed S] [--minutes M] [--out DIR] SEED_FILES_OR_DIRS...}.
 */
public final class Mutate {
    static final long SLOW_NANOS = 1_000_000_000L;
    private static final InstanceLimits CAPS = InstanceLimits.memoryPages(256).withTableElements(100_000).withFuel(100_000);

    /** Counts over a run. */
    public record Tally(long mutants, long text, long compileErrors, long compiled, long calls, long failures, long slowestNanos,
                        List<String> failed) {
        @Override
        public String toString() {
            return mutants + " mutants (" + text + " text), " + compileErrors + " CompileError, " + compiled + " compiled, "
                    + calls + " calls, " + failures + " failures, slowest compile " + slowestNanos / 1_000_000 + " ms";
        }
    }

    public static void main(String[] args) throws Exception {
        long mutants = 10_000, seed = 1;
        double minutes = 0;
        Path out = Path.of("target/fuzz/mutants");
        List<Path> seeds = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mutants" -> mutants = Long.parseLong(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> seeds.add(Path.of(args[i]));
            }
        }
        long deadline = minutes > 0 ? System.nanoTime() + (long) (minutes * 60e9) : Long.MAX_VALUE;
        Tally t = run(seeds(seeds), seed, minutes > 0 ? Long.MAX_VALUE : mutants, deadline, out);
        System.out.println("mutation: seed " + seed + ": " + t);
        if (t.failures() > 0) System.exit(1);
    }

    /** The valid binary modules among the given files and directories' *.wasm, in name order. */
    public static List<byte[]> seeds(List<Path> roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path r : roots) {
            if (Files.isDirectory(r)) {
                try (Stream<Path> s = Files.list(r)) {
                    s.filter(p -> p.toString().endsWith(".wasm")).sorted().forEach(files::add);
                }
            } else {
                files.add(r);
            }
        }
        List<byte[]> out = new ArrayList<>();
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            if (WebAssembly.validate(b)) out.add(b);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no valid seed modules in " + roots);
        return out;
    }

    public static Tally run(List<byte[]> seeds, long seed, long count, long deadlineNanos, Path out) throws IOException, InterruptedException {
        Files.createDirectories(out);
        ExecutorService worker = Executors.newSingleThreadExecutor(Mutate::daemon);
        long mutants = 0, text = 0, errors = 0, compiled = 0, calls = 0, failures = 0, slowest = 0;
        List<String> failed = new ArrayList<>();
        String[] texts = new String[seeds.size()];
        try {
            for (long k = 0; k < count && System.nanoTime() < deadlineNanos; k++) {
                Random r = new Random(seed * 1_000_003L + k);
                int s = r.nextInt(seeds.size());
                boolean isText = k % 4 == 3;
                byte[] input;
                if (isText) {
                    if (texts[s] == null) texts[s] = Wat.print(seeds.get(s));
                    input = mutateText(texts[s], r).getBytes(StandardCharsets.UTF_8);
                    text++;
                } else {
                    input = mutateBinary(seeds.get(s), seeds.get(r.nextInt(seeds.size())), r);
                }
                mutants++;
                Future<Outcome> f = worker.submit(() -> attempt(input, isText));
                Outcome o;
                try {
                    o = f.get(30, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    worker.shutdownNow();
                    worker = Executors.newSingleThreadExecutor(Mutate::daemon);
                    o = new Outcome(false, 0, Long.MAX_VALUE, "hung for 30 s");
                } catch (java.util.concurrent.ExecutionException e) {
                    o = new Outcome(false, 0, 0, "raw " + e.getCause());
                }
                slowest = Math.max(slowest, o.compileNanos == Long.MAX_VALUE ? slowest : o.compileNanos);
                if (o.failure == null && o.compileNanos > SLOW_NANOS) o = new Outcome(o.compiled, o.calls, o.compileNanos, "compile took " + o.compileNanos / 1_000_000 + " ms");
                calls += o.calls;
                if (o.failure != null) {
                    failures++;
                    Path dst = out.resolve("mutant-" + seed + "-" + k + (isText ? ".wat" : ".wasm"));
                    Files.write(dst, input);
                    Files.writeString(out.resolve(dst.getFileName() + ".txt"), o.failure + "\n");
                    failed.add(dst + ": " + o.failure);
                    System.out.println("FAILURE " + dst + ": " + o.failure);
                } else if (o.compiled) {
                    compiled++;
                } else {
                    errors++;
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return new Tally(mutants, text, errors, compiled, calls, failures, slowest, failed);
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(null, r, "gatun-mutant", 16 << 20);
        t.setDaemon(true);
        return t;
    }

    /** What one mutant did; failure null when it behaved. */
    record Outcome(boolean compiled, long calls, long compileNanos, String failure) {}

    /** Compiles (and, if it compiles, runs) one mutant, catching everything so nothing but the verdict escapes. */
    static Outcome attempt(byte[] input, boolean isText) {
        long t0 = System.nanoTime();
        Module m;
        try {
            byte[] bin = isText ? Wat.parse(input) : input;
            m = WebAssembly.compile(bin, Tier.INTERPRETER);
        } catch (CompileError e) {
            return new Outcome(false, 0, System.nanoTime() - t0, null);
        } catch (Throwable e) {
            return new Outcome(false, 0, System.nanoTime() - t0, "compile threw " + e);
        }
        long compile = System.nanoTime() - t0;
        long calls = 0;
        try {
            Imports imports;
            try {
                imports = stubs(m);
            } catch (RuntimeException e) {
                return new Outcome(true, 0, compile, null);   // the harness's own imports (a huge imported memory, say)
            }
            Instance in = WebAssembly.instantiate(m.withFuelMetering(), imports, CAPS);
            try (in) {
                for (ExportDescriptor e : m.exports()) {
                    if (!(e.type() instanceof FunctionType ft)) continue;
                    // As Trace.callable: the reference engine (the JS API) passes no exnref.
                    if (ft.params().contains(ValType.EXNREF) || ft.results().contains(ValType.EXNREF)) continue;
                    Value[] args = new Value[ft.params().size()];
                    for (int i = 0; i < args.length; i++) args[i] = Trace.arg(ft.params().get(i), i);
                    in.setFuel(100_000);
                    calls++;
                    try {
                        in.exports().function(e.name()).call(args);
                    } catch (RuntimeError | WasmException ok) {
                        // traps and uncaught Wasm exceptions are fine: only raw exceptions are not
                    }
                }
            }
        } catch (RuntimeError | LinkError ok) {
            // instantiation may fail, with the API's errors
        } catch (Throwable e) {
            return new Outcome(true, calls, compile, "running threw " + e);
        }
        return new Outcome(true, calls, compile, null);
    }

    /** Imports of the right types: functions returning zeros, fresh memories, tables and globals. */
    private static Imports stubs(Module m) {
        Imports.Builder b = Imports.builder();
        for (ImportDescriptor d : m.imports()) {
            switch (d.type()) {
                case FunctionType ft -> b.function(d.module(), d.name(), ft, a -> {
                    Value[] r = new Value[ft.results().size()];
                    for (int i = 0; i < r.length; i++) r[i] = Trace.arg(ft.results().get(i), 0);
                    return r;
                });
                case MemoryType mt -> b.add(d.module(), d.name(), new Memory(mt, Math.max(256, mt.limits().min())));
                case TableType tt -> b.add(d.module(), d.name(), new Table(tt, null));
                case GlobalType gt -> b.add(d.module(), d.name(), new Global(gt, Trace.arg(gt.valType(), 0)));
                case TagType tt -> b.add(d.module(), d.name(), new Tag(tt));
            }
        }
        return b.build();
    }

    private static final byte[] INTERESTING = {0, 1, 0x7f, (byte) 0x80, (byte) 0xff, 0x40, 0x60, 0x0b, 0x41, (byte) 0xfd, (byte) 0xfc};

    /** One to four edits: bit flips, interesting bytes, inserts, deletes, duplicated ranges, long LEBs, splices. */
    static byte[] mutateBinary(byte[] seed, byte[] other, Random r) {
        byte[] b = seed.clone();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && b.length > 8; e++) {
            int at = 8 + r.nextInt(b.length - 8);   // keep the header: mutants should reach the sections
            switch (r.nextInt(7)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[at] = INTERESTING[r.nextInt(INTERESTING.length)];
                case 2 -> b = splice(b, at, 0, randomBytes(r, 1 + r.nextInt(8)));
                case 3 -> b = splice(b, at, Math.min(b.length - at, 1 + r.nextInt(16)), new byte[0]);
                case 4 -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(64));
                    b = splice(b, at, 0, java.util.Arrays.copyOfRange(b, at, at + len));
                }
                case 5 -> b = splice(b, at, 1, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f});
                default -> {
                    int from = 8 + r.nextInt(Math.max(1, other.length - 8));
                    int len = Math.min(other.length - from, 1 + r.nextInt(128));
                    if (len > 0) b = splice(b, at, Math.min(b.length - at, len), java.util.Arrays.copyOfRange(other, from, from + len));
                }
            }
        }
        return b;
    }

    private static final String[] TOKENS = {"(", ")", "0", "-1", "0xffffffff", "4294967296", "nan:0x1", "inf", "$x", "i32.add",
            "block", "loop", "end", "(param i32)", "(result i64)", "(memory 65537)", "(table 1 funcref)", "\"\\ff\"", ";;", "(;", "offset=", "align=3"};

    /** One to four edits of the text: deleted, duplicated, swapped or inserted tokens, replaced numbers, truncation. */
    static String mutateText(String seed, Random r) {
        StringBuilder s = new StringBuilder(seed);
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && s.length() > 1; e++) {
            int at = r.nextInt(s.length());
            int end = at;
            while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != '(' && s.charAt(end) != ')') end++;
            switch (r.nextInt(5)) {
                case 0 -> s.delete(at, Math.max(end, at + 1));
                case 1 -> s.insert(at, s.substring(at, Math.max(end, Math.min(s.length(), at + 1))) + " ");
                case 2 -> s.insert(at, " " + TOKENS[r.nextInt(TOKENS.length)] + " ");
                case 3 -> s.replace(at, end, String.valueOf(r.nextLong()));
                default -> s.setLength(at);
            }
        }
        return s.toString();
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }
}
