package dev.gatun.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Partition kernels in a real local[2] Spark: one instance per partition, binary columns, binaryFile pictures. */
class WasmPartitionsSparkTest {
    static SparkSession spark;
    static WasmModuleRef lib;
    static Dataset<Row> blobs;
    static final int ROWS = 300;

    @BeforeAll
    static void start() {
        spark = TestSpark.session();
        lib = WasmModuleRef.broadcast(spark, TestSpark.udfsWasm()).withTimeout(Duration.ofSeconds(30));
        List<Row> in = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) in.add(RowFactory.create(i, blob(i)));
        blobs = spark.createDataFrame(in, new StructType().add("i", "int").add("b", "binary")).repartition(3);
    }

    static byte[] blob(int i) {
        byte[] b = new byte[(i * 13) % 500];
        for (int j = 0; j < b.length; j++) b[j] = (byte) (i * 7 + j);
        return b;
    }

    @Test
    void aBinaryColumnThroughAnExport() {
        List<Row> out = WasmPartitions.mapBinaryColumn(blobs, "b", "r", lib, "reverse").collectAsList();
        assertEquals(ROWS, out.size());
        for (Row r : out) {
            byte[] b = blob(r.getInt(0)), rev = new byte[b.length];
            for (int j = 0; j < b.length; j++) rev[j] = b[b.length - 1 - j];
            assertArrayEquals(b, (byte[]) r.get(1), "the input column is kept");
            assertArrayEquals(rev, (byte[]) r.get(2), "row " + r.getInt(0));
        }
    }

    @Test
    void oneInstanceServesAWholePartition() {
        WasmModuleRef own = lib.withMaxInstances(2); // a pool of its own, to count its instances
        WasmSignature sum = WasmSignature.of(WasmType.INT, WasmType.BINARY);
        Dataset<String> tagged = WasmPartitions.map(blobs, own, (wasm, row) -> {
            int s = (Integer) wasm.invoke("byte_sum", sum, (Object) row.getAs("b"));
            return org.apache.spark.TaskContext.getPartitionId() + ":" + System.identityHashCode(wasm.instance())
                    + ":" + row.getInt(0) + ":" + s;
        }, Encoders.STRING());
        Map<String, Set<String>> instancesByPartition = new HashMap<>();
        int n = 0;
        for (String t : tagged.collectAsList()) {
            String[] f = t.split(":");
            instancesByPartition.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[1]);
            int expected = 0;
            for (byte x : blob(Integer.parseInt(f[2]))) expected += x & 0xFF;
            assertEquals(expected, Integer.parseInt(f[3]));
            n++;
        }
        assertEquals(ROWS, n);
        assertEquals(3, instancesByPartition.size());
        instancesByPartition.values().forEach(s -> assertEquals(1, s.size(), "one instance per partition"));
        assertTrue(own.pool().created() <= 2, own.pool().created() + " instances for 3 partitions on 2 threads");
        assertEquals(own.pool().created(), own.pool().idle(), "every instance went back to the pool");
    }

    @Test
    void batchesOfRowsKeepTheirOrder() {
        WasmSignature shout = WasmSignature.of(WasmType.STRING, WasmType.STRING, WasmType.INT);
        List<String> out = WasmPartitions.mapBatches(spark.range(0, 250, 1, 2).toDF(), lib, 64, (wasm, rows) -> {
            List<String> r = new ArrayList<>(rows.size());
            for (Row row : rows) r.add(rows.size() + "/" + wasm.invoke("shout", shout, "id " + row.getLong(0), 1));
            return r;
        }, Encoders.STRING()).collectAsList();
        assertEquals(250, out.size());
        for (int i = 0; i < 250; i++) {
            String[] f = out.get(i).split("/");
            assertEquals("ID " + i + "!", f[1]);
            assertTrue(Integer.parseInt(f[0]) <= 64);
        }
    }

    @Test
    void aTrapInAKernelFailsItsTaskAndDiscardsTheInstance() {
        WasmModuleRef own = lib.withMaxInstances(3);
        Exception e = assertThrows(Exception.class, () -> WasmPartitions.map(blobs, own,
                (wasm, row) -> (Integer) wasm.invoke("div", WasmSignature.of(WasmType.INT, WasmType.INT, WasmType.INT),
                        1, row.getInt(0) == 123 ? 0 : 1), Encoders.INT()).collectAsList());
        assertTrue(TestSpark.messages(e).contains("wasm export 'div' trapped: integer divide by zero"), TestSpark.messages(e));
        assertTrue(own.pool().discarded() >= 1);
    }

    @Test
    void picturesFromBinaryFileThroughTheExampleFilter() {
        Path dir = Path.of("../examples/spark-images");
        WasmModuleRef filter = WasmModuleRef.sparkFile(spark, dir.resolve("grayscale_kernel.wasm")).withMemoryPages(1024);
        Dataset<Row> pictures = spark.read().format("binaryFile").option("pathGlobFilter", "*.ppm")
                .load(dir.resolve("pictures").toAbsolutePath().toString());
        List<Row> out = WasmPartitions.mapBinaryColumn(pictures, "content", "pgm", filter, "grayscale")
                .select("path", "content", "pgm").collectAsList();
        assertEquals(4, out.size());
        int pictureCount = 0;
        for (Row r : out) {
            if (r.getString(0).endsWith("not-a-picture.ppm")) {
                assertTrue(r.isNullAt(2), "the filter answers NULL for what it cannot read");
                continue;
            }
            assertArrayEquals(GrayscaleReference.pgm((byte[]) r.get(1), 2), (byte[]) r.get(2), r.getString(0));
            pictureCount++;
        }
        assertEquals(3, pictureCount);
        assertEquals(1, ModuleCache.compileCount(filter.sha256()));
    }

    /** The filter of examples/spark-images/grayscale_kernel.c in Java, to check the Wasm output byte for byte. */
    static final class GrayscaleReference {
        static byte[] pgm(byte[] ppm, int r) {
            String head = new String(ppm, 0, Math.min(ppm.length, 64), StandardCharsets.US_ASCII);
            String[] t = head.split("\\s+", 5);
            int w = Integer.parseInt(t[1]), h = Integer.parseInt(t[2]);
            int off = ppm.length - 3 * w * h;
            int[] g = new int[w * h], tmp = new int[w * h];
            for (int i = 0; i < w * h; i++) {
                int R = ppm[off + 3 * i] & 0xFF, G = ppm[off + 3 * i + 1] & 0xFF, B = ppm[off + 3 * i + 2] & 0xFF;
                g[i] = (299 * R + 587 * G + 114 * B + 500) / 1000;
            }
            for (int y = 0; y < h; y++) blur(g, tmp, y * w, 1, w, r);
            for (int x = 0; x < w; x++) blur(tmp, g, x, w, h, r);
            byte[] header = ("P5\n" + w + " " + h + "\n255\n").getBytes(StandardCharsets.US_ASCII);
            byte[] out = new byte[header.length + w * h];
            System.arraycopy(header, 0, out, 0, header.length);
            for (int i = 0; i < w * h; i++) out[header.length + i] = (byte) g[i];
            return out;
        }

        private static void blur(int[] src, int[] dst, int base, int stride, int n, int r) {
            long sum = 0;
            for (int i = -r; i <= r; i++) sum += src[base + Math.clamp(i, 0, n - 1) * stride];
            for (int i = 0; i < n; i++) {
                dst[base + i * stride] = (int) ((sum + r) / (2 * r + 1));
                sum += src[base + Math.min(i + r + 1, n - 1) * stride] - src[base + Math.max(i - r, 0) * stride];
            }
        }
    }
}
