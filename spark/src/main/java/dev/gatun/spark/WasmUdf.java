package dev.gatun.spark;

import dev.gatun.ExportDescriptor;
import dev.gatun.FunctionType;
import dev.gatun.Module;
import dev.gatun.WebAssemblyException;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.*;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;

/**
 * A Wasm export as a Spark SQL user-defined function. Each task thread borrows one instance from this
 * JVM's pool for the module at its first row and keeps it until the task ends ({@link InstancePool#forTask});
 * each call converts the row's values under the memory convention and calls the export under the
 * module's limits. A trap fails the task and discards the instance. Null in, null out.
 *
 * <pre>{@code
 * WasmModuleRef lib = WasmModuleRef.broadcast(spark, Path.of("lib.wasm")).withTimeout(Duration.ofSeconds(1));
 * WasmUdf.register(spark, "wasm_gcd", lib, "gcd");                         // (i32, i32) -> i32: INT, INT -> INT
 * WasmUdf.register(spark, "wasm_gray", lib, "gray", WasmSignature.of(WasmType.BINARY, WasmType.BINARY));
 * spark.sql("SELECT wasm_gcd(a, b) FROM t");
 * df.select(WasmUdf.udf(lib, "gcd").apply(col("a"), col("b")));
 * }</pre>
 */
public final class WasmUdf implements UDF0<Object>,
        UDF1<Object,Object>,
        UDF2<Object,Object,Object>,
        UDF3<Object,Object,Object,Object>,
        UDF4<Object,Object,Object,Object,Object>,
        UDF5<Object,Object,Object,Object,Object,Object>,
        UDF6<Object,Object,Object,Object,Object,Object,Object>,
        UDF7<Object,Object,Object,Object,Object,Object,Object,Object>,
        UDF8<Object,Object,Object,Object,Object,Object,Object,Object,Object>,
        UDF9<Object,Object,Object,Object,Object,Object,Object,Object,Object,Object>,
        UDF10<Object,Object,Object,Object,Object,Object,Object,Object,Object,Object,Object> {
    private static final long serialVersionUID = 1L;
    /** Spark's Java UDF interfaces go to 22 arguments; ten covers every kernel we know of. */
    public static final int MAX_ARGUMENTS = 10;

    private final WasmModuleRef ref;
    private final String export;
    private final WasmSignature sig;
    private transient InstancePool pool; // looked up once per deserialized copy, not per row

    private WasmUdf(WasmModuleRef ref, String export, WasmSignature sig) {
        this.ref = ref;
        this.export = export;
        this.sig = sig;
    }

    /** The UDF for a numeric export, its Spark types derived from the Wasm signature. */
    public static UserDefinedFunction udf(WasmModuleRef ref, String export) {
        return udf(ref, export, null);
    }

    /** The UDF for an export with the given signature (required when bytes or strings are involved). */
    public static UserDefinedFunction udf(WasmModuleRef ref, String export, WasmSignature sig) {
        WasmSignature s = checked(ref, export, sig);
        return new WasmUdf(ref, export, s).toSpark().withName(export);
    }

    /** Registers the UDF for SQL under {@code name}, with types derived from a numeric export. */
    public static UserDefinedFunction register(SparkSession spark, String name, WasmModuleRef ref, String export) {
        return register(spark, name, ref, export, null);
    }

    /** Registers the UDF for SQL under {@code name}, with an explicit signature. */
    public static UserDefinedFunction register(SparkSession spark, String name, WasmModuleRef ref, String export,
                                               WasmSignature sig) {
        WasmSignature s = checked(ref, export, sig);
        return spark.udf().register(name, new WasmUdf(ref, export, s).toSpark().withName(name));
    }

    /** Resolves and checks the signature against the module, on the driver, so mistakes fail before any task. */
    static WasmSignature checked(WasmModuleRef ref, String export, WasmSignature sig) {
        Module module;
        try {
            module = ref.module();
        } catch (WebAssemblyException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new WasmUdfException(export, "cannot load wasm module " + ref + ": " + e.getMessage());
        }
        FunctionType type = null;
        for (ExportDescriptor e : module.exports()) {
            if (e.name().equals(export) && e.type() instanceof FunctionType ft) type = ft;
        }
        if (type == null) throw new WasmUdfException(export, "the module exports no function '" + export + "'");
        WasmSignature s;
        try {
            s = sig != null ? sig : WasmSignature.derive(export, type);
            s.check(export, type);
        } catch (IllegalArgumentException e) {
            throw new WasmUdfException(export, e.getMessage());
        }
        if (s.params().size() > MAX_ARGUMENTS) {
            throw new WasmUdfException(export, "wasm export '" + export + "' takes " + s.params().size()
                    + " arguments; a UDF takes at most " + MAX_ARGUMENTS);
        }
        if (s.usesBuffers() && PooledInstance.Allocator.of(module) == null) {
            throw new WasmUdfException(export, PooledInstance.Allocator.MISSING);
        }
        return s;
    }

    private UserDefinedFunction toSpark() {
        DataType t = sig.result().sparkType();
        return switch (sig.params().size()) {
            case 0 -> functions.udf((UDF0<?>) this, t);
            case 1 -> functions.udf((UDF1<?,?>) this, t);
            case 2 -> functions.udf((UDF2<?,?,?>) this, t);
            case 3 -> functions.udf((UDF3<?,?,?,?>) this, t);
            case 4 -> functions.udf((UDF4<?,?,?,?,?>) this, t);
            case 5 -> functions.udf((UDF5<?,?,?,?,?,?>) this, t);
            case 6 -> functions.udf((UDF6<?,?,?,?,?,?,?>) this, t);
            case 7 -> functions.udf((UDF7<?,?,?,?,?,?,?,?>) this, t);
            case 8 -> functions.udf((UDF8<?,?,?,?,?,?,?,?,?>) this, t);
            case 9 -> functions.udf((UDF9<?,?,?,?,?,?,?,?,?,?>) this, t);
            case 10 -> functions.udf((UDF10<?,?,?,?,?,?,?,?,?,?,?>) this, t);
            default -> throw new IllegalStateException("arity checked above");
        };
    }

    private Object apply(Object[] args) {
        InstancePool p = pool;
        if (p == null) pool = p = ref.pool();
        TaskContext task = TaskContext.get();
        if (task != null) return p.forTask(task, ref.timeout()).invoke(export, sig, args);
        try (WasmInstance w = p.acquire(ref.timeout())) { // outside a task (the driver folding constants)
            return w.invoke(export, sig, args);
        }
    }

    @Override public Object call() { return apply(new Object[] {}); }
    @Override public Object call(Object a1) { return apply(new Object[] {a1}); }
    @Override public Object call(Object a1, Object a2) { return apply(new Object[] {a1, a2}); }
    @Override public Object call(Object a1, Object a2, Object a3) { return apply(new Object[] {a1, a2, a3}); }
    @Override public Object call(Object a1, Object a2, Object a3, Object a4) { return apply(new Object[] {a1, a2, a3, a4}); }
    @Override public Object call(Object a1, Object a2, Object a3, Object a4, Object a5) { return apply(new Object[] {a1, a2, a3, a4, a5}); }
    @Override public Object call(Object a1, Object a2, Object a3, Object a4, Object a5, Object a6) { return apply(new Object[] {a1, a2, a3, a4, a5, a6}); }
    @Override public Object call(Object a1, Object a2, Object a3, Object a4, Object a5, Object a6, Object a7) { return apply(new Object[] {a1, a2, a3, a4, a5, a6, a7}); }
    @Override public Object call(Object a1, Object a2, Object a3, Object a4, Object a5, Object a6, Object a7, Object a8) { return apply(new Object[] {a1, a2, a3, a4, a5, a6, a7, a8}); }
    @Override public Object call(Object a1, Object a2, Object a3, Object a4, Object a5, Object a6, Object a7, Object a8, Object a9) { return apply(new Object[] {a1, a2, a3, a4, a5, a6, a7, a8, a9}); }
    @Override public Object call(Object a1, Object a2, Object a3, Object a4, Object a5, Object a6, Object a7, Object a8, Object a9, Object a10) { return apply(new Object[] {a1, a2, a3, a4, a5, a6, a7, a8, a9, a10}); }
}
