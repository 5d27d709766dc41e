package dev.gatun.spark.bench;

import dev.gatun.Function;
import dev.gatun.Value;
import dev.gatun.spark.InstancePool;
import dev.gatun.spark.WasmInstance;
import dev.gatun.spark.WasmModuleRef;
import dev.gatun.spark.WasmPartitions;
import dev.gatun.spark.WasmSignature;
import dev.gatun.spark.WasmType;
import dev.gatun.spark.WasmUdf;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

/**
 * Rows per second of Wasm UDFs against the same logic as Java UDFs, in local[2], and the per-call cost of
 * the UDF path outside Spark. Run by scripts/bench-spark (not a unit test: it takes minutes and its numbers
 * mean something only on a quiet machine). Each case runs warm-up rounds, then timed rounds; the table
 * gives the median. Every case's checksum is compared with the Java one, so a fast wrong answer fails.
 *
 * usage: UdfThroughput [ROWS] [ROUNDS]
 */
public final class UdfThroughput {
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    record Result(String name, long rows, double seconds) {
        double rowsPerSecond() { return rows / seconds; }
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        byte[] wasm = Files.readAllBytes(Path.of(System.getProperty("udfs.wasm", "spark/src/test/resources/udfs.wasm")));
        SparkSession spark = SparkSession.builder().master("local[2]").appName("gatun-spark-bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.ansi.enabled", "false") // checksums are sums that wrap
                .getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        WasmModuleRef lib = WasmModuleRef.broadcast(spark, wasm);
        List<String> table = new ArrayList<>();
        try {
            Dataset<Row> ids = spark.range(0, rows, 1, 2).toDF();
            UserDefinedFunction javaMix = udf((UDF1<Long, Long>) UdfThroughput::mix, DataTypes.LongType);
            UserDefinedFunction javaAddOne = udf((UDF1<Integer, Integer>) x -> x + 1, DataTypes.IntegerType);
            UserDefinedFunction wasmMix = WasmUdf.udf(lib, "mix");
            UserDefinedFunction wasmAddOne = WasmUdf.udf(lib, "add_one");
            Column idInt = col("id").cast("int");

            Result base = time("no UDF: sum(id)", rounds, rows, () -> ids.agg(sum(col("id"))).first().getLong(0));
            Result jm = time("Java UDF mix(id)", rounds, rows, () -> ids.agg(sum(javaMix.apply(col("id")))).first().getLong(0));
            Result wm = time("Wasm UDF mix(id)", rounds, rows, () -> ids.agg(sum(wasmMix.apply(col("id")))).first().getLong(0));
            Result ja = time("Java UDF add_one(int)", rounds, rows, () -> ids.agg(sum(javaAddOne.apply(idInt))).first().getLong(0));
            Result wa = time("Wasm UDF add_one(int)", rounds, rows, () -> ids.agg(sum(wasmAddOne.apply(idInt))).first().getLong(0));
            Result jk = time("Java mapPartitions mix", rounds, rows, () -> ids.mapPartitions(
                    (MapPartitionsFunction<Row, Long>) it -> new Iterator<>() {
                        public boolean hasNext() { return it.hasNext(); }
                        public Long next() { return mix(it.next().getLong(0)); }
                    }, Encoders.LONG()).agg(sum(col("value"))).first().getLong(0));
            Result wk = time("Wasm partition kernel mix", rounds, rows, () -> WasmPartitions.map(ids, lib,
                    (w, row) -> ((Value.I64) w.call("mix", Value.i64(row.getLong(0)))[0]).value(), Encoders.LONG())
                    .agg(sum(col("value"))).first().getLong(0));
            check(jm, wm, ids, javaMix, wasmMix);

            long binRows = Math.max(1, rows / 10);
            Dataset<Row> blobs = spark.range(0, binRows, 1, 2)
                    .selectExpr("unhex(sha2(cast(id AS string), 256)) AS b").cache(); // 32 bytes a row
            blobs.count();
            UserDefinedFunction javaRev = udf((UDF1<byte[], byte[]>) b -> {
                byte[] r = new byte[b.length];
                for (int i = 0; i < b.length; i++) r[i] = b[b.length - 1 - i];
                return r;
            }, DataTypes.BinaryType);
            UserDefinedFunction wasmRev = WasmUdf.udf(lib, "reverse", WasmSignature.of(WasmType.BINARY, WasmType.BINARY));
            Result jb = time("Java UDF reverse(32 bytes)", rounds, binRows,
                    () -> blobs.agg(sum(org.apache.spark.sql.functions.hash(javaRev.apply(col("b"))))).first().getLong(0));
            Result wb = time("Wasm UDF reverse(32 bytes)", rounds, binRows,
                    () -> blobs.agg(sum(org.apache.spark.sql.functions.hash(wasmRev.apply(col("b"))))).first().getLong(0));

            table.add("| case | rows | median s | rows/s | Wasm / Java time |");
            table.add("| --- | ---: | ---: | ---: | ---: |");
            row(table, base, null);
            row(table, jm, null);
            row(table, wm, jm);
            row(table, ja, null);
            row(table, wa, ja);
            row(table, jk, null);
            row(table, wk, jk);
            row(table, jb, null);
            row(table, wb, jb);
            table.add("");
            table.add(String.format(Locale.ROOT, "Per-call overhead of a Wasm UDF in Spark (add_one, Wasm - Java, per row on 2 threads): %.0f ns",
                    (wa.seconds - ja.seconds) * 2e9 / rows));
        } finally {
            spark.stop();
        }
        table.add("");
        table.addAll(direct(lib, rounds));
        table.forEach(System.out::println);
    }

    /** The UDF machinery without Spark, one thread: a raw Function.call, and a pooled, typed UDF call. */
    static List<String> direct(WasmModuleRef lib, int rounds) {
        int n = 10_000_000;
        InstancePool pool = lib.pool();
        WasmSignature sig = WasmSignature.of(WasmType.LONG, WasmType.LONG);
        List<String> out = new ArrayList<>();
        out.add("| one thread, no Spark | ns/call |");
        out.add("| --- | ---: |");
        long[] sink = new long[1];
        out.add(directRow("Java method mix", rounds, n, i -> sink[0] += mix(i)));
        try (WasmInstance w = pool.acquire(null)) {
            Function f = w.instance().exports().function("mix");
            out.add(directRow("Function.call(mix) (Gatun API)", rounds, n, i -> sink[0] += ((Value.I64) f.call(Value.i64(i))[0]).value()));
            out.add(directRow("WasmInstance.invoke(mix): a UDF's call within its task", rounds, n,
                    i -> sink[0] += (Long) w.invoke("mix", sig, i)));
        }
        try (WasmInstance w = pool.acquire(java.time.Duration.ofSeconds(10))) {
            out.add(directRow("the same with a 10 s timeout", rounds, n, i -> sink[0] += (Long) w.invoke("mix", sig, i)));
        }
        out.add(directRow("borrow + invoke + return per call (outside a task)", rounds, n, i -> {
            try (WasmInstance w = pool.acquire(null)) { sink[0] += (Long) w.invoke("mix", sig, i); }
        }));
        if (sink[0] == 42) System.out.println(); // keeps the loops alive
        return out;
    }

    interface LongBody { void run(long i); }

    static String directRow(String name, int rounds, int n, LongBody body) {
        double[] ns = new double[rounds];
        for (int r = -2; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (long i = 0; i < n; i++) body.run(i);
            if (r >= 0) ns[r] = (System.nanoTime() - t0) / (double) n;
        }
        Arrays.sort(ns);
        return String.format(Locale.ROOT, "| %s | %.1f |", name, ns[rounds / 2]);
    }

    static void check(Result jm, Result wm, Dataset<Row> ids, UserDefinedFunction j, UserDefinedFunction w) {
        long a = ids.agg(sum(j.apply(col("id")))).first().getLong(0), b = ids.agg(sum(w.apply(col("id")))).first().getLong(0);
        if (a != b) throw new IllegalStateException("Wasm and Java disagree: " + a + " vs " + b);
    }

    interface Job { long run(); }

    static Result time(String name, int rounds, long rows, Job job) {
        double[] s = new double[rounds];
        long first = 0;
        for (int r = -2; r < rounds; r++) {
            long t0 = System.nanoTime();
            long v = job.run();
            if (r == -2) first = v;
            else if (v != first) throw new IllegalStateException(name + " gave " + v + ", then " + first);
            if (r >= 0) s[r] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(s);
        System.err.printf(Locale.ROOT, "%s: %.3f s (checksum %d)%n", name, s[rounds / 2], first);
        return new Result(name, rows, s[rounds / 2]);
    }

    static void row(List<String> table, Result r, Result javaRef) {
        table.add(String.format(Locale.ROOT, "| %s | %,d | %.3f | %,.0f | %s |", r.name, r.rows, r.seconds, r.rowsPerSecond(),
                javaRef == null ? "" : String.format(Locale.ROOT, "%.2fx", r.seconds / javaRef.seconds)));
    }
}
