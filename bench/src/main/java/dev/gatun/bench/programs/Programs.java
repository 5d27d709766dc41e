package dev.gatun.bench.programs;

import dev.gatun.bench.charts.RatioChart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole-program benchmark (scripts/bench-programs): every program of bench/programs run as a whole
 * process under every engine, N times, with the wall time of each process and the program's own figure
 * where it prints one (CoreMark's iterations/s, PolyBench's kernel time). Each run's output is checked
 * against Node's output of the same module (and native's, where the program is C built with gcc): a
 * mismatch is reported in the table, not hidden. Writes results.tsv (every run), README.md (medians) and
 * chart.png (wall time relative to Node) into the output directory, after each program, so an interrupted
 * run still leaves what it measured.
 *
 * <pre>java -cp benchmarks.jar dev.gatun.bench.programs.Programs [--quick] [--runs N] [--timeout S]
 *     [--out DIR] [--programs a,b] [--engines x,y]</pre>
 * runs from the repository root; the script has built the natives into bench/target/programs/native.
 */
public final class Programs {
    enum Figure { NONE, COREMARK, POLYBENCH }

    /** A program: its module and native names (by profile), its arguments, what it reports. */
    record Program(String name, String title, String full, String quick, List<String> fullArgs,
                   List<String> quickArgs, Figure figure) {
        String binary(boolean q) { return q ? quick : full; }
        List<String> args(boolean q) { return q ? quickArgs : fullArgs; }
    }

    static final List<Program> PROGRAMS = new ArrayList<>();
    static {
        PROGRAMS.add(new Program("hello", "hello world (whole-process start-up)", "hello", "hello", List.of(), List.of(), Figure.NONE));
        PROGRAMS.add(new Program("coremark", "CoreMark 1.0", "coremark", "coremark",
                List.of("0x0", "0x0", "0x66", "20000"), List.of("0x0", "0x0", "0x66", "2000"), Figure.COREMARK));
        for (String k : List.of("gemm", "2mm", "jacobi-2d", "heat-3d", "covariance"))
            PROGRAMS.add(new Program(k, "PolyBench/C " + k, k + "-large", k + "-medium", List.of(), List.of(), Figure.POLYBENCH));
        PROGRAMS.add(new Program("resize-scalar", "stb_image_resize2, scalar build", "resize-scalar", "resize-scalar",
                List.of("1536", "1536", "4"), List.of("512", "512", "2"), Figure.NONE));
        PROGRAMS.add(new Program("resize-simd", "stb_image_resize2, -msimd128 build", "resize-simd", "resize-simd",
                List.of("1536", "1536", "4"), List.of("512", "512", "2"), Figure.NONE));
        PROGRAMS.add(new Program("sqlite", "SQLite 3.53.2, scripted workload", "sqlite", "sqlite",
                List.of("40000"), List.of("5000"), Figure.NONE));
    }

    static final Map<String, String> ENGINES = new LinkedHashMap<>();
    static {
        ENGINES.put("native", "native (gcc -O2)");
        ENGINES.put("node", "Node 20 (V8)");
        ENGINES.put("gatun-tiered", "Gatun default (TIERED)");
        ENGINES.put("gatun-compiler", "Gatun --tier compiler");
        ENGINES.put("gatun-interpreter", "Gatun --tier interpreter");
        ENGINES.put("chicory", "Chicory 1.7.5 compiler");
        ENGINES.put("graalwasm", "GraalWasm 25");
    }

    /** One run's outcome: the wall time, the program's figure (NaN if none), or why there is none. */
    record Run(double wall, double figure, String failure, boolean mismatch) {}

    private final boolean quick;
    private final int runs;
    private final long timeout;
    private final Path out, work;
    private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final Map<String, Map<String, List<Run>>> results = new LinkedHashMap<>(); // program -> engine -> runs
    private final Map<String, String> reference = new LinkedHashMap<>(); // program -> digest of Node's output
    private final List<String> notes = new ArrayList<>();
    private final String loadAtStart = loadAverage();
    private final Instant started = Instant.now();
    private boolean rendered; // --report: rendered from results.tsv, so no start time, duration or load here

    Programs(boolean quick, int runs, long timeout, Path out) {
        this.quick = quick;
        this.runs = runs;
        this.timeout = timeout;
        this.out = out;
        this.work = Path.of("bench/target/programs/runs");
    }

    public static void main(String[] argv) throws Exception {
        boolean quick = false, report = false;
        int runs = 3;
        Long timeout = null;
        Path out = null;
        List<String> programs = null, engines = new ArrayList<>(ENGINES.keySet());
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--quick" -> quick = true;
                case "--runs" -> runs = Integer.parseInt(argv[++i]);
                case "--timeout" -> timeout = Long.parseLong(argv[++i]);
                case "--out" -> out = Path.of(argv[++i]);
                case "--programs" -> programs = Arrays.asList(argv[++i].split(","));
                case "--engines" -> engines = Arrays.asList(argv[++i].split(","));
                case "--report" -> report = true;
                default -> {
                    System.err.println("unknown option " + argv[i]);
                    System.exit(2);
                }
            }
        }
        for (String e : engines)
            if (!ENGINES.containsKey(e)) { System.err.println("unknown engine " + e + " (" + ENGINES.keySet() + ")"); System.exit(2); }
        List<Program> chosen = new ArrayList<>();
        for (Program p : PROGRAMS) if (programs == null || programs.contains(p.name())) chosen.add(p);
        if (out == null) out = Path.of(quick ? "bench/results/programs-quick" : "bench/results/programs");
        Programs bench = new Programs(quick, runs, timeout != null ? timeout : quick ? 300 : 900, out);
        if (report) bench.report(chosen, engines);
        else bench.run(chosen, engines);
    }

    /**
     * --report: renders README.md and chart.png again from OUT/results.tsv without running anything, and
     * checks the outputs kept for runs marked "output differs" again (with this version's comparison).
     */
    void report(List<Program> programs, List<String> engines) throws Exception {
        rendered = true;
        int maxRun = 0;
        for (String line : Files.readAllLines(out.resolve("results.tsv")).subList(1, Files.readAllLines(out.resolve("results.tsv")).size())) {
            String[] f = line.split("\t", -1);
            String p = f[0], e = f[1], status = f[5];
            int r = Integer.parseInt(f[2]);
            maxRun = Math.max(maxRun, r);
            Program prog = programs.stream().filter(x -> x.name().equals(p)).findFirst().orElse(null);
            if (prog == null) continue;
            boolean mismatch = status.equals("output differs");
            if (mismatch) {
                Path so = work.resolve(p + "." + e + "." + r + ".out"), se = work.resolve(p + "." + e + "." + r + ".err");
                Path no = work.resolve(p + ".node.1.out"), ne = work.resolve(p + ".node.1.err");
                if (Files.exists(so) && Files.exists(se) && Files.exists(no) && Files.exists(ne)) {
                    String a = digest(normalised(prog, Files.readString(so, StandardCharsets.ISO_8859_1), Files.readString(se, StandardCharsets.ISO_8859_1)));
                    String b = digest(normalised(prog, Files.readString(no, StandardCharsets.ISO_8859_1), Files.readString(ne, StandardCharsets.ISO_8859_1)));
                    mismatch = !a.equals(b);
                }
                if (mismatch) note(p + " under " + e + ": output differs from Node's (run " + r + ", kept in " + so + " and " + se + ")");
            }
            String failure = status.equals("ok") || status.equals("output differs") ? null : status;
            results.computeIfAbsent(p, k -> new LinkedHashMap<>()).computeIfAbsent(e, k -> new ArrayList<>())
                    .add(new Run(Double.parseDouble(f[3]), f[4].isEmpty() ? Double.NaN : Double.parseDouble(f[4]), failure, mismatch));
        }
        if (maxRun != runs) System.err.println("note: results.tsv has up to " + maxRun + " runs; pass --runs " + maxRun + " if that was the run's N");
        write(programs, engines);
        System.out.println("wrote " + out.resolve("README.md"));
    }

    void run(List<Program> programs, List<String> engines) throws Exception {
        Files.createDirectories(out);
        Files.createDirectories(work);
        Path tsv = out.resolve("results.tsv");
        Files.writeString(tsv, "program\tengine\trun\twall_s\tfigure\tstatus\n");
        for (Program p : programs) {
            Map<String, List<Run>> byEngine = new LinkedHashMap<>();
            results.put(p.name(), byEngine);
            // Node first: its output is the reference the others are checked against.
            List<String> order = new ArrayList<>(engines);
            if (order.remove("node")) order.addFirst("node");
            for (int r = 1; r <= runs; r++) {
                for (String e : order) {
                    List<Run> done = byEngine.computeIfAbsent(e, k -> new ArrayList<>());
                    if (!done.isEmpty() && done.getLast().failure() != null) continue; // failed once: skip the rest
                    if (e.equals("native") && !Files.exists(nativeBinary(p))) {
                        if (done.isEmpty()) done.add(new Run(Double.NaN, Double.NaN, "no native build", false));
                        continue;
                    }
                    Run run = runOnce(p, e, r);
                    done.add(run);
                    String status = run.failure() != null ? run.failure() : run.mismatch() ? "output differs" : "ok";
                    Files.writeString(tsv, String.format(Locale.ROOT, "%s\t%s\t%d\t%.3f\t%s\t%s%n", p.name(), e, r, run.wall(),
                            Double.isNaN(run.figure()) ? "" : String.format(Locale.ROOT, "%.6g", run.figure()), status),
                            java.nio.file.StandardOpenOption.APPEND);
                    System.out.printf(Locale.ROOT, "%-14s %-18s run %d: %8.3f s%s  %s%n", p.name(), e, r, run.wall(),
                            Double.isNaN(run.figure()) ? "" : String.format(Locale.ROOT, "  (%s %.6g)", p.figure() == Figure.COREMARK ? "it/s" : "kernel s", run.figure()),
                            status);
                }
            }
            write(programs, engines);
        }
        System.out.println("wrote " + out.resolve("README.md") + " (" + minutes() + ")");
    }

    private Path nativeBinary(Program p) {
        return Path.of("bench/target/programs/native", p.binary(quick));
    }

    private List<String> command(Program p, String engine) {
        String wasm = "bench/programs/wasm/" + p.binary(quick) + ".wasm";
        List<String> c = new ArrayList<>();
        switch (engine) {
            case "native" -> c.add(nativeBinary(p).toString());
            case "node" -> c.addAll(List.of("node", "--no-warnings", "--experimental-wasi-unstable-preview1", "bench/programs/run/wasi.mjs", wasm));
            case "gatun-tiered", "gatun-compiler", "gatun-interpreter" ->
                    c.addAll(List.of("./gatun", "run", "--tier", engine.substring("gatun-".length()), wasm));
            case "chicory" -> c.addAll(List.of(javaBin, "-Xss16m", "-cp", "bench/target/benchmarks.jar",
                    "dev.gatun.bench.programs.ChicoryRun", wasm));
            case "graalwasm" -> c.addAll(List.of(javaBin, "-Xss16m", "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED,org.graalvm.truffle",
                    "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI", "--upgrade-module-path=bench/target/graal/upgrade",
                    "--module-path=bench/target/graal/modules", "--add-modules=ALL-MODULE-PATH",
                    "-cp", "bench/target/benchmarks.jar", "dev.gatun.bench.programs.GraalWasmRun", wasm));
            default -> throw new IllegalArgumentException(engine);
        }
        c.addAll(p.args(quick));
        return c;
    }

    private Run runOnce(Program p, String engine, int r) throws Exception {
        Path so = work.resolve(p.name() + "." + engine + "." + r + ".out"), se = work.resolve(p.name() + "." + engine + "." + r + ".err");
        ProcessBuilder pb = new ProcessBuilder(command(p, engine)).redirectOutput(so.toFile()).redirectError(se.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        long t0 = System.nanoTime();
        Process proc = pb.start();
        boolean finished = proc.waitFor(timeout, TimeUnit.SECONDS);
        double wall = (System.nanoTime() - t0) / 1e9;
        if (!finished) {
            proc.descendants().forEach(ProcessHandle::destroyForcibly);
            proc.destroyForcibly();
            proc.waitFor();
            return new Run(wall, Double.NaN, "timeout: no result in " + timeout + " s", false);
        }
        String stdout = Files.readString(so, StandardCharsets.ISO_8859_1), stderr = Files.readString(se, StandardCharsets.ISO_8859_1);
        if (proc.exitValue() != 0)
            return new Run(wall, Double.NaN, "exit " + proc.exitValue() + ": " + lastLine(stderr.isBlank() ? stdout : stderr), false);
        double figure = figure(p, stdout);
        String digest = digest(normalised(p, stdout, stderr));
        boolean mismatch = false;
        if (engine.equals("node") && !reference.containsKey(p.name())) reference.put(p.name(), digest);
        else if (reference.containsKey(p.name()) && !reference.get(p.name()).equals(digest)) {
            mismatch = true;
            note(p.name() + " under " + engine + ": output differs from Node's (run " + r + ", kept in " + so + " and " + se + ")");
        }
        if (!mismatch && !(engine.equals("node") && r == 1)) { // keep Node's first output and any that differ
            Files.deleteIfExists(so);
            Files.deleteIfExists(se);
        }
        return new Run(wall, figure, null, mismatch);
    }

    private void note(String s) {
        if (!notes.contains(s)) notes.add(s);
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        String l = lines.length == 0 ? "" : lines[lines.length - 1].strip();
        for (int i = lines.length - 1; i >= 0; i--) // prefer the line that says what went wrong
            if (lines[i].matches("(?i).*(error|exception|unsupported|not supported|unknown|invalid|trap).*")) { l = lines[i].strip(); break; }
        l = l.replace('|', '/');
        return l.length() > 160 ? l.substring(0, 157) + "..." : l;
    }

    private static final Pattern COREMARK = Pattern.compile("Iterations/Sec\\s*:\\s*([0-9.]+)");
    /** CoreMark's lines that depend on time or on the compiler; the CRCs and the seeds stay. */
    private static final Pattern COREMARK_VARIABLE = Pattern.compile(
            "^(Total ticks|Total time|Iterations/Sec|CoreMark 1\\.0|Compiler|ERROR! Must execute|Errors detected|Correct operation|Memory location|\\s*\\(e\\.g\\.).*");

    private static double figure(Program p, String stdout) {
        switch (p.figure()) {
            case COREMARK -> {
                Matcher m = COREMARK.matcher(stdout);
                return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
            }
            case POLYBENCH -> {
                try { return Double.parseDouble(stdout.strip().split("\\s+")[0]); } catch (RuntimeException e) { return Double.NaN; }
            }
            default -> { return Double.NaN; }
        }
    }

    /** What must match between engines: stdout without timings; PolyBench's array dump (stderr) only. */
    private static String normalised(Program p, String stdout, String stderr) {
        return switch (p.figure()) {
            case POLYBENCH -> dump(stderr);
            case COREMARK -> String.join("\n", stdout.lines().filter(l -> !COREMARK_VARIABLE.matcher(l).matches()).toList());
            case NONE -> stdout;
        };
    }

    /** PolyBench's dump, without whatever else went to stderr (e.g. the JVM's warnings under GraalWasm). */
    private static String dump(String stderr) {
        int from = stderr.indexOf("==BEGIN DUMP_ARRAYS=="), to = stderr.indexOf("==END   DUMP_ARRAYS==");
        return from < 0 || to < from ? stderr : stderr.substring(from, to);
    }

    private static String digest(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String loadAverage() {
        try { return Files.readString(Path.of("/proc/loadavg")).strip(); } catch (IOException e) { return "?"; }
    }

    private String minutes() {
        long s = ChronoUnit.SECONDS.between(started, Instant.now());
        return s / 60 + " min " + s % 60 + " s";
    }

    // ---- the report

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private List<Double> walls(String p, String e) {
        return results.getOrDefault(p, Map.of()).getOrDefault(e, List.of()).stream().filter(r -> r.failure() == null).map(Run::wall).toList();
    }

    private List<Double> figures(String p, String e) {
        return results.getOrDefault(p, Map.of()).getOrDefault(e, List.of()).stream()
                .filter(r -> r.failure() == null && !Double.isNaN(r.figure())).map(Run::figure).toList();
    }

    private String failure(String p, String e) {
        for (Run r : results.getOrDefault(p, Map.of()).getOrDefault(e, List.of())) if (r.failure() != null) return r.failure();
        return null;
    }

    private boolean mismatched(String p, String e) {
        return results.getOrDefault(p, Map.of()).getOrDefault(e, List.of()).stream().anyMatch(Run::mismatch);
    }

    private static String num(double v) {
        if (Double.isNaN(v)) return "?";
        if (v >= 1000) return String.format(Locale.ROOT, "%,.0f", v);
        if (v >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (v >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private String cell(String p, String e, List<Double> xs) {
        String f = failure(p, e);
        String t;
        if (xs.isEmpty()) t = f == null ? "—" : f.startsWith("timeout") ? "> " + f.replaceAll("\\D+", "") + " s" : f.equals("no native build") ? "—"
                : "unsupported: " + f.replaceAll("^exit \\d+: ", "").replaceAll("Exception in thread \"main\" ([\\w$]+\\.)*", "");
        else {
            t = num(median(xs));
            if (xs.size() > 1) t += " (" + num(xs.stream().min(Double::compare).get()) + "–" + num(xs.stream().max(Double::compare).get()) + ")";
            if (xs.size() < runs && f != null) t += " ×" + xs.size() + ", then " + (f.startsWith("timeout") ? "timeout" : "failed");
            else if (xs.size() == 1 && runs > 1) t += " ×1";
        }
        if (mismatched(p, e)) t += " **output differs**";
        return t;
    }

    private void write(List<Program> programs, List<String> engines) throws IOException {
        StringBuilder b = new StringBuilder();
        String profile = quick ? "quick" : "full";
        b.append("# Whole programs, ").append(profile).append(" profile\n\n");
        b.append("`scripts/bench-programs").append(quick ? " --quick" : "").append(runs != 3 ? " --runs " + runs : "")
                .append("`: each program a whole process (`./gatun run --tier ...`, `node` with `node:wasi`, a small main over Chicory's and ")
                .append("GraalWasm's own WASI, the same C built with gcc -O2), median of ").append(runs)
                .append(runs == 1 ? " run" : " runs").append(" (min–max in brackets; ×k: only k runs finished). Sources, builds and provenance: ")
                .append("[bench/programs](../../programs/README.md).\n\n");
        if (rendered) b.append("Rendered again from `results.tsv` (`--report`); when and under what load it ran: see the notes beside it.\n\n");
        else b.append("Started ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(", took ").append(minutes())
                .append("; ").append(Runtime.getRuntime().availableProcessors()).append(" cores; load average (1, 5, 15 min) at the start ")
                .append(loadAtStart.replaceAll("^(\\S+ \\S+ \\S+).*", "$1")).append(", at the end ")
                .append(loadAverage().replaceAll("^(\\S+ \\S+ \\S+).*", "$1")).append(".\n\n");
        b.append("![wall time relative to Node](chart.png)\n\n");

        b.append("## Wall time of the whole process (s, lower is better)\n\n");
        header(b, engines);
        for (Program p : programs) {
            if (!results.containsKey(p.name())) continue;
            b.append("| ").append(p.title()).append(p.args(quick).isEmpty() ? "" : " `" + String.join(" ", p.args(quick)) + "`").append(" |");
            for (String e : engines) b.append(' ').append(cell(p.name(), e, walls(p.name(), e))).append(" |");
            b.append('\n');
        }
        if (programs.stream().anyMatch(p -> results.containsKey(p.name()) && p.figure() != Figure.NONE)) {
        b.append("\n## The programs' own figures\n\nCoreMark: iterations/s (higher is better); PolyBench: the kernel's time in s as `-DPOLYBENCH_TIME` prints it (lower is better).\n\n");
        header(b, engines);
        for (Program p : programs) {
            if (!results.containsKey(p.name()) || p.figure() == Figure.NONE) continue;
            b.append("| ").append(p.title()).append(p.figure() == Figure.COREMARK ? " (iterations/s)" : " (kernel s)").append(" |");
            for (String e : engines) b.append(' ').append(cell(p.name(), e, figures(p.name(), e))).append(" |");
            b.append('\n');
        }
        }
        b.append("\nOutputs: every run's output is compared with Node's run of the same module (CoreMark without its timing and compiler lines; ")
                .append("PolyBench: the arrays dumped with `-DPOLYBENCH_DUMP_ARRAYS`; the others: all of stdout). ");
        if (notes.isEmpty()) b.append("All matched.\n");
        else {
            b.append("Mismatches:\n\n");
            for (String n : notes) b.append("- ").append(n).append('\n');
        }
        List<String> failures = new ArrayList<>();
        for (Program p : programs)
            for (String e : engines) {
                String f = failure(p.name(), e);
                if (f != null && !f.equals("no native build")) failures.add("- " + p.name() + ", " + ENGINES.get(e) + ": " + f);
            }
        if (!failures.isEmpty()) b.append("\nRuns that gave no result:\n\n").append(String.join("\n", failures)).append('\n');
        Files.writeString(out.resolve("README.md"), b.toString());
        chart(programs, engines);
    }

    private void header(StringBuilder b, List<String> engines) {
        b.append("| program |");
        for (String e : engines) b.append(' ').append(ENGINES.get(e)).append(" |");
        b.append("\n|---|");
        for (int i = 0; i < engines.size(); i++) b.append("---:|");
        b.append('\n');
    }

    private void chart(List<Program> programs, List<String> engines) throws IOException {
        List<String> names = new ArrayList<>();
        for (Program p : programs) if (results.containsKey(p.name())) names.add(p.name());
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (String e : engines) {
            List<Double> ys = new ArrayList<>();
            for (String p : names) {
                double v = median(walls(p, e)), base = median(walls(p, "node"));
                ys.add(!Double.isNaN(v) && !Double.isNaN(base) ? v / base : null);
            }
            series.put(ENGINES.get(e), ys);
        }
        RatioChart.write(out.resolve("chart.png"),
                "Whole programs: wall time relative to Node (" + (quick ? "quick" : "full") + " profile; log scale, lower is faster; no bar: no result)",
                "program", "engine wall time / Node wall time", names, series);
    }
}
