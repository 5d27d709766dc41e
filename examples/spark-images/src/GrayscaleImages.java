import dev.gatun.spark.WasmModuleRef;
import dev.gatun.spark.WasmPartitions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.util.LongAccumulator;
import java.time.Duration;

/**
 * Example job: every PPM picture in a folder, through a Wasm grayscale-and-blur filter written in C
 * (grayscale_kernel.c), written back as PGM files. The filter runs as a partition kernel: each task thread
 * borrows one instance for its whole partition; the module is compiled once per executor.
 *
 * usage: GrayscaleImages INPUT_DIR OUTPUT_DIR [KERNEL.wasm]   (paths or URIs: file:, hdfs:, s3a: ...)
 */
public final class GrayscaleImages {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: GrayscaleImages INPUT_DIR OUTPUT_DIR [KERNEL.wasm]");
            System.exit(2);
        }
        String in = args[0], out = args[1];
        java.nio.file.Path kernel = java.nio.file.Path.of(args.length > 2 ? args[2] : "grayscale_kernel.wasm");
        SparkSession.Builder builder = SparkSession.builder().appName("gatun-grayscale-images");
        if (System.getProperty("spark.master") == null) builder.master("local[2]"); // a plain `java` run
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            // Shipped with addFile, fetched once per executor; every call limited to 10 s and 64 MiB.
            WasmModuleRef filter = WasmModuleRef.sparkFile(spark, kernel)
                    .withTimeout(Duration.ofSeconds(10))
                    .withMemoryPages(1024);
            Dataset<Row> pictures = spark.read().format("binaryFile").option("pathGlobFilter", "*.ppm").load(in);
            Dataset<Row> gray = WasmPartitions.mapBinaryColumn(pictures, "content", "pgm", filter, "grayscale")
                    .select("path", "pgm");
            LongAccumulator written = spark.sparkContext().longAccumulator("written");
            LongAccumulator skipped = spark.sparkContext().longAccumulator("skipped");
            gray.foreachPartition((ForeachPartitionFunction<Row>) rows -> {
                FileSystem fs = null;
                while (rows.hasNext()) {
                    Row r = rows.next();
                    if (r.isNullAt(1)) { // the filter's NULL: not a PPM it handles
                        skipped.add(1);
                        continue;
                    }
                    String name = new Path(r.getString(0)).getName().replaceFirst("\\.ppm$", "") + "-gray.pgm";
                    Path target = new Path(out, name);
                    if (fs == null) {
                        fs = target.getFileSystem(new Configuration());
                        fs.setWriteChecksum(false); // no .crc files beside the pictures
                    }
                    try (FSDataOutputStream o = fs.create(target, true)) {
                        o.write((byte[]) r.get(1));
                    }
                    written.add(1);
                }
            });
            System.out.println("grayscale: " + written.value() + " pictures written to " + out + ", "
                    + skipped.value() + " skipped (not a PPM)");
        } finally {
            spark.stop();
        }
    }
}
