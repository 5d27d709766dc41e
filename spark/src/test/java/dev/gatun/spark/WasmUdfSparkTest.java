package dev.gatun.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.*;

/** Wasm exports as SQL and DataFrame UDFs in a real local[2] Spark. */
class WasmUdfSparkTest {
    static SparkSession spark;
    static WasmModuleRef lib;

    @BeforeAll
    static void start() {
        spark = TestSpark.session();
        lib = WasmModuleRef.broadcast(spark, TestSpark.udfsWasm()).withTimeout(Duration.ofSeconds(30));
        WasmUdf.register(spark, "wasm_gcd", lib, "gcd");
    }

    static int gcd(int a, int b) {
        while (b != 0) { int t = a % b; a = b; b = t; }
        return Math.abs(a);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    @Test
    void scalarUdfInSql() {
        List<Row> rows = spark.sql("SELECT id, wasm_gcd(CAST(id * 6 AS INT), 84) AS g FROM range(0, 500, 1, 4) ORDER BY id")
                .collectAsList();
        assertEquals(500, rows.size());
        for (Row r : rows) assertEquals(gcd((int) r.getLong(0) * 6, 84), r.getInt(1), "row " + r);
    }

    @Test
    void typesComeFromTheWasmSignature() {
        var mix = WasmUdf.udf(lib, "mix");
        var hypot = WasmUdf.udf(lib, "hypot2");
        var half = WasmUdf.udf(lib, "half");
        Dataset<Row> df = spark.range(0, 1000, 1, 3)
                .select(col("id"), mix.apply(col("id")).as("m"),
                        hypot.apply(col("id").cast("double"), lit(4.0)).as("h"),
                        half.apply(col("id").cast("float")).as("f"));
        StructType s = df.schema();
        assertEquals(DataTypes.LongType, s.apply("m").dataType());
        assertEquals(DataTypes.DoubleType, s.apply("h").dataType());
        assertEquals(DataTypes.FloatType, s.apply("f").dataType());
        long checked = 0;
        for (Row r : df.collectAsList()) {
            long id = r.getLong(0);
            assertEquals(mix(id), r.getLong(1));
            assertEquals(Math.sqrt(id * (double) id + 16), r.getDouble(2), 1e-9);
            assertEquals(id / 2f, r.getFloat(3));
            checked++;
        }
        assertEquals(1000, checked);
    }

    @Test
    void binaryAndStringUdfsGoThroughLinearMemory() {
        WasmUdf.register(spark, "wasm_reverse", lib, "reverse", WasmSignature.of(WasmType.BINARY, WasmType.BINARY));
        WasmUdf.register(spark, "wasm_shout", lib, "shout", WasmSignature.of(WasmType.STRING, WasmType.STRING, WasmType.INT));
        WasmUdf.register(spark, "wasm_byte_sum", lib, "byte_sum", WasmSignature.of(WasmType.INT, WasmType.BINARY));
        WasmUdf.register(spark, "wasm_invert", lib, "invert", WasmSignature.of(WasmType.BINARY, WasmType.BINARY));
        List<Row> in = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[i * 7 % 300];
            for (int j = 0; j < b.length; j++) b[j] = (byte) (i + j * 31);
            in.add(RowFactory.create(i, b, i % 10 == 0 ? null : "row " + i + " ümlaut"));
        }
        StructType schema = new StructType().add("i", "int").add("b", "binary").add("s", "string");
        spark.createDataFrame(in, schema).repartition(3).createOrReplaceTempView("blobs");
        List<Row> out = spark.sql("SELECT i, b, wasm_reverse(b), wasm_byte_sum(b), wasm_invert(b), "
                + "wasm_shout(s, i % 4), wasm_shout(s, -1) FROM blobs ORDER BY i").collectAsList();
        assertEquals(200, out.size());
        for (Row r : out) {
            int i = r.getInt(0);
            byte[] b = (byte[]) r.get(1);
            byte[] rev = b.clone();
            int sum = 0;
            byte[] inv = b.clone();
            for (int j = 0; j < b.length; j++) {
                rev[j] = b[b.length - 1 - j];
                sum += b[j] & 0xFF;
                inv[j] = (byte) ~b[j];
            }
            assertArrayEquals(rev, (byte[]) r.get(2), "reverse of row " + i);
            assertEquals(sum, r.getInt(3));
            assertArrayEquals(inv, (byte[]) r.get(4), "in-place invert of row " + i);
            if (i % 10 == 0) {
                assertTrue(r.isNullAt(5), "null in, null out");
            } else {
                String s = "row " + i + " ümlaut";
                String upper = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                        .chars().mapToObj(c -> c >= 'a' && c <= 'z' ? String.valueOf((char) (c - 32)) : String.valueOf((char) c))
                        .reduce("", String::concat);
                assertEquals(upper + "!".repeat(i % 4), r.getString(5));
            }
            assertTrue(r.isNullAt(6), "a result of -1 is SQL NULL");
        }
    }

    @Test
    void aTrapFailsTheTaskWithTheWasmMessageAndStack() {
        WasmUdf.register(spark, "wasm_div", lib, "div");
        Exception e = assertThrows(Exception.class,
                () -> spark.sql("SELECT wasm_div(CAST(id AS INT), CAST(id - 150 AS INT)) FROM range(0, 300, 1, 2)").collect());
        String m = TestSpark.messages(e);
        assertTrue(m.contains("wasm export 'div' trapped: integer divide by zero"), m);
        assertTrue(m.contains("at div_ (wasm-function[7]:0x"), "the Wasm stack, with the C name from the name section: " + m);
        // The instance that trapped is gone; the module keeps working.
        assertTrue(lib.pool().discarded() >= 1);
        assertEquals(3, spark.sql("SELECT wasm_div(7, 2)").first().getInt(0));
    }

    @Test
    void aRunawayCallIsStoppedByTheTimeout() {
        WasmModuleRef limited = lib.withTimeout(Duration.ofMillis(300));
        WasmUdf.register(spark, "wasm_spin", limited, "spin");
        long t0 = System.nanoTime();
        Exception e = assertThrows(Exception.class,
                () -> spark.sql("SELECT wasm_spin(CAST(id - 3 AS INT)) FROM range(0, 6, 1, 2)").collect());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String m = TestSpark.messages(e);
        assertTrue(m.contains("wasm export 'spin' timed out after PT0.3S"), m);
        assertTrue(ms < 20_000, "stopped in " + ms + " ms");
        assertEquals(1000, spark.sql("SELECT wasm_spin(1000)").first().getInt(0), "short calls still run");
    }

    @Test
    void theMemoryCapHoldsPerInstance() {
        WasmUdf.register(spark, "wasm_grow_capped", lib.withMemoryPages(4), "grow");
        WasmUdf.register(spark, "wasm_grow", lib, "grow");
        // The fixture starts with 2 pages: growing by 8 fails under a 4-page cap, and succeeds without one.
        Row r = spark.sql("SELECT wasm_grow_capped(8), wasm_grow_capped(1), wasm_grow(8)").first();
        assertEquals(-1, r.getInt(0));
        assertTrue(r.getInt(1) >= 2, "growing within the cap works: " + r);
        assertTrue(r.getInt(2) >= 2, "uncapped: " + r);
    }

    @Test
    void aResultOutsideMemoryFailsCleanly() {
        WasmUdf.register(spark, "wasm_bad", lib, "bad_result", WasmSignature.of(WasmType.BINARY, WasmType.BINARY));
        Exception e = assertThrows(Exception.class, () -> spark.sql("SELECT wasm_bad(X'0102')").collect());
        String m = TestSpark.messages(e);
        assertTrue(m.contains("wasm export 'bad_result' returned (ptr 4294967040, len 4098) outside its"), m);
    }

    @Test
    void mistakesFailAtRegistrationOnTheDriver() {
        WasmUdfException wrongType = assertThrows(WasmUdfException.class,
                () -> WasmUdf.udf(lib, "gcd", WasmSignature.of(WasmType.BINARY, WasmType.BINARY)));
        assertTrue(wrongType.getMessage().contains("has type [i32, i32] -> [i32]"), wrongType.getMessage());
        WasmUdfException missing = assertThrows(WasmUdfException.class, () -> WasmUdf.udf(lib, "nope"));
        assertEquals("the module exports no function 'nope'", missing.getMessage());
        WasmUdfException noResult = assertThrows(WasmUdfException.class, () -> WasmUdf.udf(lib, "dealloc"));
        assertTrue(noResult.getMessage().contains("has 0 results"), noResult.getMessage());
        WasmUdfException broken = assertThrows(WasmUdfException.class,
                () -> WasmUdf.udf(WasmModuleRef.of(new byte[] {0, 'a', 's', 'm', 9}), "f"));
        assertTrue(broken.getMessage().startsWith("cannot load wasm module"), broken.getMessage());
    }

    @Test
    void theModuleIsCompiledOncePerJvm() {
        // Many tasks over two task threads, a second broadcast of the same bytes, a copy shipped inline:
        // all find the compiled module in this JVM's cache.
        WasmModuleRef again = WasmModuleRef.broadcast(spark, TestSpark.udfsWasm()).withMaxInstances(3);
        WasmModuleRef inline = WasmModuleRef.of(TestSpark.udfsWasm());
        assertEquals(lib.sha256(), again.sha256());
        long n = spark.range(0, 2000, 1, 16)
                .select(WasmUdf.udf(again, "add_one").apply(col("id").cast("int")).as("a"),
                        WasmUdf.udf(inline, "gcd").apply(col("id").cast("int"), lit(12)).as("g"))
                .where(col("a").gt(0))
                .count();
        assertEquals(2000, n);
        assertEquals(1, ModuleCache.compileCount(lib.sha256()));
        InstancePool pool = again.pool();
        assertTrue(pool.created() >= 1 && pool.created() <= 3, pool.created() + " instances");
    }

    @Test
    void anArgumentOfTheWrongTypeFailsTheTaskWithAMessage() {
        Exception e = assertThrows(Exception.class,
                () -> spark.sql("SELECT wasm_gcd(id * 10000000000, 3) FROM range(1, 3)").collect());
        String m = TestSpark.messages(e);
        assertTrue(m.contains("argument 1 of wasm export 'gcd' must be INT, got Long"), m);
        assertEquals(Arrays.asList(4, 2), spark.sql("SELECT wasm_gcd(8, 12), wasm_gcd(-4, 6)").collectAsList().stream()
                .flatMap(r -> List.of(r.getInt(0), r.getInt(1)).stream()).toList());
    }
}
