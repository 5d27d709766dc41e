package dev.gatun.bench.compare;

import dev.gatun.bench.charts.RatioChart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a comparison run into something to look at: reads JMH's JSON and the harness's status file
 * (engines that could not run a workload, GraalWasm's runtime) and writes README.md (ms/op and ratios
 * against Gatun) and chart.png (time relative to Gatun, log scale, grouped by workload).
 *
 * <pre>java -cp benchmarks.jar dev.gatun.bench.compare.Report DIR</pre>
 * reads DIR/results.json and DIR/status.tsv and writes DIR/README.md and DIR/chart.png.
 */
public final class Report {
    private static final String BASE = "gatun";

    private static final Map<String, String> ENGINES = new LinkedHashMap<>();
    static {
        ENGINES.put("gatun", "Gatun, default tier (`Tier.TIERED`: starts in the register interpreter, compiles the module to JVM bytecode once hot)");
        ENGINES.put("gatun-interpreter", "Gatun, `Tier.INTERPRETER` (the register interpreter only)");
        ENGINES.put("chicory", "Chicory 1.7.5, bytecode compiler (`MachineFactoryCompiler`)");
        ENGINES.put("endive", "Endive 1.2.0, interpreter");
        ENGINES.put("graalwasm", "GraalWasm 25 (polyglot API, Truffle on the module path)");
        ENGINES.put("native", "the same C compiled by gcc -O2 into a shared library, called through FFM (jextract bindings)");
    }

    /** One cell: a time, or why there is none. */
    private record Cell(double ms, double error, String why) {
        boolean timed() { return why == null; }
    }

    public static void main(String[] argv) throws IOException {
        if (argv.length != 1) {
            System.err.println("usage: Report DIR (reads DIR/results.json and DIR/status.tsv)");
            System.exit(2);
        }
        Path dir = Path.of(argv[0]);
        JsonNode runs = new ObjectMapper().readTree(dir.resolve("results.json").toFile());

        Map<String, Map<String, Cell>> cells = new LinkedHashMap<>(); // workload -> engine -> cell
        Set<String> engines = new LinkedHashSet<>(), workloads = new LinkedHashSet<>();
        Map<String, String> sizes = new LinkedHashMap<>();
        String profile = "quick";
        JsonNode first = null;
        Set<String> iterations = new LinkedHashSet<>(); // per engine group: GraalWasm warms up longer
        for (JsonNode run : runs) {
            if (!run.path("benchmark").asText().contains(".compare.")) continue;
            first = first == null ? run : first;
            JsonNode p = run.path("params");
            // GraalWasmCompare has one engine and so no engine parameter.
            String engine = p.path("engine").asText("graalwasm"), workload = p.path("workload").asText();
            profile = p.path("profile").asText(profile);
            JsonNode m = run.path("primaryMetric");
            if (!m.path("scoreUnit").asText().equals("ms/op")) throw new IllegalStateException("expected ms/op: " + m);
            cells.computeIfAbsent(workload, k -> new LinkedHashMap<>())
                    .put(engine, new Cell(m.path("score").asDouble(), m.path("scoreError").asDouble(Double.NaN), null));
            engines.add(engine);
            workloads.add(workload);
            sizes.putIfAbsent(workload, size(workload, profile, p));
            iterations.add(String.format(Locale.ROOT, "%s: %d warmup iteration(s) of %s, %d measured of %s",
                    engine.equals("graalwasm") ? "graalwasm" : "the others", run.path("warmupIterations").asInt(),
                    run.path("warmupTime").asText(), run.path("measurementIterations").asInt(), run.path("measurementTime").asText()));
        }

        Map<String, String> runtime = new LinkedHashMap<>();
        Path statusFile = dir.resolve("status.tsv");
        List<String> status = Files.exists(statusFile) ? Files.readAllLines(statusFile) : List.of();
        for (String line : status) {
            String[] f = line.split("\t", 4);
            if (f.length != 4) continue;
            engines.add(f[0]);
            workloads.add(f[1]);
            if (f[2].equals("runtime")) {
                runtime.put(f[0], f[3]);
            } else {
                cells.computeIfAbsent(f[1], k -> new LinkedHashMap<>())
                        .put(f[0], new Cell(Double.NaN, Double.NaN, f[2] + " (" + f[3] + ")"));
            }
        }
        List<String> engineOrder = order(engines, Engine.ALL);
        List<String> workloadOrder = order(workloads, Workload.BUILT_IN);
        // A fork that died without a status line (a JVM crash, say) still gets a cell that says so.
        for (String w : workloadOrder) {
            Map<String, Cell> row = cells.computeIfAbsent(w, k -> new LinkedHashMap<>());
            for (String e : engineOrder) row.putIfAbsent(e, new Cell(Double.NaN, Double.NaN, "no result (the fork failed; see the JMH log)"));
        }

        Map<String, String> labels = new LinkedHashMap<>();
        for (String e : engineOrder) labels.put(e, label(e, runtime.get(e)));

        Files.deleteIfExists(dir.resolve("chart.png"));
        boolean charted = chart(dir.resolve("chart.png"), profile, engineOrder, workloadOrder, cells, labels);
        Files.writeString(dir.resolve("README.md"), markdown(profile, first, iterations, charted, engineOrder, workloadOrder, cells, sizes, labels, runtime));
        System.out.println("wrote " + dir.resolve("README.md") + (charted ? " and " + dir.resolve("chart.png") : " (no chart: no Gatun time to compare with)"));
    }

    private static String size(String workload, String profile, JsonNode p) {
        try {
            return Workload.named(workload, profile, p.path("wasm").asText(), p.path("export").asText(), p.path("args").asText()).size();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** Known names in their canonical order, then any others in the order met. */
    private static List<String> order(Set<String> names, List<String> canonical) {
        List<String> out = new ArrayList<>();
        for (String n : canonical) if (names.contains(n)) out.add(n);
        for (String n : names) if (!out.contains(n)) out.add(n);
        return out;
    }

    /** Truffle's fallback runtime calls itself "Interpreted": then GraalWasm did not compile anything. */
    private static String label(String engine, String runtime) {
        if (!engine.equals("graalwasm") || runtime == null) return engine;
        return runtime.equals("Interpreted") ? "graalwasm (interpreter only)" : "graalwasm";
    }

    private static String markdown(String profile, JsonNode first, Set<String> iterations, boolean charted, List<String> engines, List<String> workloads,
                                   Map<String, Map<String, Cell>> cells, Map<String, String> sizes,
                                   Map<String, String> labels, Map<String, String> runtime) {
        StringBuilder b = new StringBuilder();
        b.append("# Engine comparison: ").append(profile).append(" profile\n\n");
        b.append("Written by `dev.gatun.bench.compare.Report` from `results.json` (JMH) and `status.tsv` (the harness's\n");
        b.append("notes on engines that could not run a workload); regenerate with `scripts/bench-compare --").append(profile).append("`.\n\n");
        b.append(charted ? "![time relative to Gatun](chart.png)\n\n" : "No chart: the run has no Gatun time to compare with.\n\n");
        if (first != null) {
            b.append(String.format(Locale.ROOT, "JMH %s, %s %s, %d cores (%s); one fork per engine and workload, %s.%n%n",
                    first.path("jmhVersion").asText(), first.path("vmName").asText(), first.path("jdkVersion").asText(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"), String.join("; ", iterations)));
        }
        b.append("## Time relative to Gatun\n\nAn engine's time divided by Gatun's on the same workload: below 1 is faster than Gatun, above 1 slower.\n\n");
        header(b, engines, labels);
        for (String w : workloads) {
            Cell base = cells.get(w).get(BASE);
            b.append("| ").append(w);
            for (String e : engines) {
                Cell c = cells.get(w).get(e);
                b.append(" | ");
                if (!c.timed()) b.append(c.why());
                else if (base == null || !base.timed()) b.append("n/a (no Gatun time)");
                else b.append(String.format(Locale.ROOT, "%.3g×", c.ms() / base.ms())).append(unsteady(c) || unsteady(base) ? " †" : "");
            }
            b.append(" |\n");
        }
        b.append("\n† Either time's error is larger than itself (the iterations disagree, e.g. a JIT still compiling or\n");
        b.append("deoptimising): read that ratio as rough.\n");
        b.append("\n## Milliseconds per call\n\nJMH average time with its 99.9% error where it has one; lower is faster.\n\n");
        b.append("| workload | input");
        for (String e : engines) b.append(" | ").append(labels.get(e));
        b.append(" |\n| --- | ---");
        for (int i = 0; i < engines.size(); i++) b.append(" | ---:");
        b.append(" |\n");
        for (String w : workloads) {
            b.append("| ").append(w).append(" | ").append(sizes.getOrDefault(w, "?"));
            for (String e : engines) {
                Cell c = cells.get(w).get(e);
                b.append(" | ");
                if (!c.timed()) b.append(c.why());
                else if (Double.isNaN(c.error())) b.append(ms(c.ms()));
                else b.append(ms(c.ms())).append(" ± ").append(ms(c.error()));
            }
            b.append(" |\n");
        }
        b.append("\n## Engines\n\n");
        for (String e : engines) {
            b.append("- **").append(labels.get(e)).append("**: ").append(ENGINES.getOrDefault(e, "(not a built-in engine)"));
            if (runtime.containsKey(e)) {
                b.append("; Truffle runtime \"").append(runtime.get(e)).append("\"");
                b.append(runtime.get(e).equals("Interpreted")
                        ? " (no JIT compiler: the Graal compiler was not on the fork's upgrade module path, so Wasm ran interpreted)"
                        : " (optimizing: the Graal compiler from Maven Central on the fork's upgrade module path via JVMCI)");
            }
            b.append(".\n");
        }
        b.append("""

                Workloads: fib, sieve, matmul, coremark and pixels are `bench/src/main/c/exec/kernels.c`; grayscale,
                blur and blend are `bench/src/main/c/simd/image.c` built with `-msimd128` (the `-scalar` rows: the
                build without SIMD). The native engine runs the same C files for both builds (gcc -O2 on the host, so
                its image rows are the plain loops as gcc optimises them). Setup checks every engine's result (for
                the image kernels, a hash of the output frame) against the native library before measuring.
                The quick profile uses smaller inputs than the full one (see the input column), so compare ratios,
                not times, across profiles.
                """);
        return b.toString();
    }

    /** JMH's 99.9% error larger than the score itself. */
    private static boolean unsteady(Cell c) {
        return c.error() > c.ms();
    }

    private static void header(StringBuilder b, List<String> engines, Map<String, String> labels) {
        b.append("| workload");
        for (String e : engines) b.append(" | ").append(labels.get(e));
        b.append(" |\n| ---");
        for (int i = 0; i < engines.size(); i++) b.append(" | ---:");
        b.append(" |\n");
    }

    private static String ms(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : v >= 1 ? String.format(Locale.ROOT, "%.2f", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }

    /** Writes the chart unless there is nothing to draw (no engine has a time where Gatun has one). */
    private static boolean chart(Path out, String profile, List<String> engines, List<String> workloads,
                              Map<String, Map<String, Cell>> cells, Map<String, String> labels) throws IOException {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (String e : engines) {
            List<Double> ys = new ArrayList<>();
            for (String w : workloads) {
                Cell c = cells.get(w).get(e), base = cells.get(w).get(BASE);
                ys.add(c.timed() && base != null && base.timed() ? c.ms() / base.ms() : null);
            }
            series.put(labels.get(e), ys);
        }
        return RatioChart.write(out, "Time relative to Gatun (" + profile + " profile; log scale, lower is faster; no bar: unsupported)",
                "workload", "engine time / Gatun time", workloads, series);
    }
}
