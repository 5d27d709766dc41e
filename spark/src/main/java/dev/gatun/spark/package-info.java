/**
 * Gatun on Spark: WebAssembly exports as Spark SQL UDFs ({@link dev.gatun.spark.WasmUdf}) and as partition
 * kernels ({@link dev.gatun.spark.WasmPartitions}).
 *
 * <p>A {@link dev.gatun.spark.WasmModuleRef} ships a module's bytes to the executors (broadcast, SparkFiles,
 * or inline) with the limits its instances run under. Each executor JVM compiles a module once
 * ({@link dev.gatun.spark.ModuleCache}, keyed by SHA-256) and keeps a bounded {@link dev.gatun.spark.InstancePool};
 * each task thread holds one instance for its task.
 *
 * <p>The memory convention for {@code BINARY} and {@code STRING} values: the module exports a memory and
 * {@code malloc(i32) -> i32} with {@code free(i32)}, or {@code alloc(i32) -> i32} with
 * {@code dealloc(i32, i32)}. An argument is copied into a block from the allocator and passed as
 * {@code (ptr i32, len i32)}; an empty one as {@code (0, 0)}. A result is an {@code i64} packing
 * {@code ptr << 32 | len}, allocated by the module (or one of its arguments), or -1 for SQL NULL. The
 * host frees arguments and result after each call.
 */
package dev.gatun.spark;
