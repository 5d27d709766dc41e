package dev.gatun.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Partition kernels: a function applied to every row (or to batches of rows) of each partition, with the
 * one Wasm instance the task thread running it holds for the whole task, so per-row cost is the call
 * alone. The instance goes back to the pool when the task ends; if a call fails, the task fails and the
 * instance is discarded. For binary columns such as the {@code content} of
 * Spark's {@code binaryFile} source, {@link #mapBinaryColumn} needs no kernel code at all.
 */
public final class WasmPartitions {
    private WasmPartitions() {}

    /** Maps one row, with the partition's instance. */
    @FunctionalInterface
    public interface RowKernel<R> extends Serializable {
        R apply(WasmInstance wasm, Row row);
    }

    /** Maps a batch of rows (in order) to as many results, with the partition's instance. */
    @FunctionalInterface
    public interface BatchKernel<R> extends Serializable {
        List<R> apply(WasmInstance wasm, List<Row> rows);
    }

    /** Applies {@code kernel} to every row. */
    public static <R> Dataset<R> map(Dataset<Row> df, WasmModuleRef ref, RowKernel<R> kernel, Encoder<R> encoder) {
        BatchKernel<R> one = (wasm, rows) -> List.of(kernel.apply(wasm, rows.getFirst()));
        return df.mapPartitions(new Kernel<>(ref, 1, one), encoder);
    }

    /** Applies {@code kernel} to batches of up to {@code batchSize} consecutive rows of each partition. */
    public static <R> Dataset<R> mapBatches(Dataset<Row> df, WasmModuleRef ref, int batchSize, BatchKernel<R> kernel,
                                            Encoder<R> encoder) {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
        return df.mapPartitions(new Kernel<>(ref, batchSize, kernel), encoder);
    }

    /**
     * Adds column {@code outCol}: {@code export} applied to binary column {@code inCol} of every row,
     * under the memory convention ({@code (ptr, len) -> ptr << 32 | len}; -1 gives null, as does a null input).
     */
    public static Dataset<Row> mapBinaryColumn(Dataset<Row> df, String inCol, String outCol, WasmModuleRef ref,
                                               String export) {
        StructType schema = df.schema();
        int in = Arrays.asList(schema.fieldNames()).indexOf(inCol);
        if (in < 0) throw new IllegalArgumentException("no column '" + inCol + "' in " + schema.simpleString());
        if (!schema.fields()[in].dataType().equals(DataTypes.BinaryType)) {
            throw new IllegalArgumentException("column '" + inCol + "' is " + schema.fields()[in].dataType().simpleString()
                    + ", not binary");
        }
        WasmSignature sig = WasmUdf.checked(ref, export, WasmSignature.of(WasmType.BINARY, WasmType.BINARY));
        StructType out = schema.add(new StructField(outCol, DataTypes.BinaryType, true, org.apache.spark.sql.types.Metadata.empty()));
        int width = schema.size();
        RowKernel<Row> k = (wasm, row) -> {
            Object[] values = new Object[width + 1];
            for (int i = 0; i < width; i++) values[i] = row.get(i);
            values[width] = wasm.invoke(export, sig, row.get(in));
            return RowFactory.create(values);
        };
        return map(df, ref, k, Encoders.row(out));
    }

    /** The function Spark runs per partition; serializable with the ref and the kernel. */
    private record Kernel<R>(WasmModuleRef ref, int batchSize, BatchKernel<R> kernel)
            implements MapPartitionsFunction<Row, R> {
        @Override
        public Iterator<R> call(Iterator<Row> rows) {
            return new Results<>(ref.pool(), ref.timeout(), batchSize, kernel, rows);
        }
    }

    /**
     * Pulls rows lazily, as Spark's iterators do. Inside a task the instance is the task thread's
     * ({@link InstancePool#forTask}), borrowed at the first row (an empty partition borrows none) and
     * returned when the task completes; outside one, it is borrowed here and returned at the last row.
     */
    private static final class Results<R> implements Iterator<R> {
        private final InstancePool pool;
        private final Duration timeout;
        private final int batchSize;
        private final BatchKernel<R> kernel;
        private final Iterator<Row> rows;
        private final TaskContext task = TaskContext.get();
        private Iterator<R> pending = java.util.Collections.emptyIterator();
        private WasmInstance own; // only outside a task

        Results(InstancePool pool, Duration timeout, int batchSize, BatchKernel<R> kernel, Iterator<Row> rows) {
            this.pool = pool;
            this.timeout = timeout;
            this.batchSize = batchSize;
            this.kernel = kernel;
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            while (!pending.hasNext()) {
                if (!rows.hasNext()) {
                    if (own != null) own.close();
                    own = null;
                    return false;
                }
                List<Row> batch = new ArrayList<>(Math.min(batchSize, 1024));
                while (batch.size() < batchSize && rows.hasNext()) batch.add(rows.next());
                List<R> out = kernel.apply(instance(), batch);
                if (out.size() != batch.size()) {
                    throw new WasmUdfException(null, "a batch kernel returned " + out.size() + " results for "
                            + batch.size() + " rows");
                }
                pending = out.iterator();
            }
            return true;
        }

        @Override
        public R next() {
            if (!hasNext()) throw new NoSuchElementException();
            return pending.next();
        }

        private WasmInstance instance() {
            if (task != null) return pool.forTask(task, timeout);
            if (own != null && own.poisoned()) {
                own.close();
                own = null;
            }
            if (own == null) own = pool.acquire(timeout);
            return own;
        }
    }
}
