package dev.gatun.spark;

import dev.gatun.Module;
import org.apache.spark.SparkFiles;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A Wasm module as Spark tasks see it: how its bytes reach the executors, their SHA-256, and the limits
 * every instance runs under. Serializable and small (unless built with {@link #of}), so it travels inside
 * UDFs and partition functions; on an executor {@link #module()} compiles the bytes once per JVM
 * ({@link ModuleCache}) and {@link #pool()} hands out instances.
 *
 * <p>Immutable: the {@code with...} methods return a copy.
 */
public final class WasmModuleRef implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String sha256;
    private final byte[] inline;               // shipped in every task's closure
    private final Broadcast<byte[]> broadcast; // shipped once per executor by Spark's broadcast
    private final String sparkFile;            // fetched once per executor by SparkContext.addFile
    private final Duration timeout;            // per call; null: none
    private final long memoryPages;            // cap per memory the instance defines; -1: none
    private final int maxInstances;            // per pool and JVM; 0: default
    private final ImportsFactory imports;      // null: the module must import nothing

    private WasmModuleRef(String sha256, byte[] inline, Broadcast<byte[]> broadcast, String sparkFile,
                          Duration timeout, long memoryPages, int maxInstances, ImportsFactory imports) {
        this.sha256 = sha256;
        this.inline = inline;
        this.broadcast = broadcast;
        this.sparkFile = sparkFile;
        this.timeout = timeout;
        this.memoryPages = memoryPages;
        this.maxInstances = maxInstances;
        this.imports = imports;
    }

    /** Ships the bytes inside every task: simplest, for small modules (a few KiB). */
    public static WasmModuleRef of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new WasmModuleRef(ModuleCache.sha256(copy), copy, null, null, null, -1, 0, null);
    }

    /** Ships the bytes once per executor as a Spark broadcast variable. */
    public static WasmModuleRef broadcast(SparkSession spark, byte[] bytes) {
        byte[] copy = bytes.clone();
        Broadcast<byte[]> b = spark.sparkContext().broadcast(copy, scala.reflect.ClassTag$.MODULE$.apply(byte[].class));
        return new WasmModuleRef(ModuleCache.sha256(copy), null, b, null, null, -1, 0, null);
    }

    /** Reads a module file on the driver and broadcasts it. */
    public static WasmModuleRef broadcast(SparkSession spark, Path file) {
        return broadcast(spark, read(file));
    }

    /**
     * Adds the file to the job with {@code SparkContext.addFile}, so each executor downloads it once and
     * reads it from {@code SparkFiles.get(name)}; its hash, taken here, is checked there.
     */
    public static WasmModuleRef sparkFile(SparkSession spark, Path file) {
        byte[] bytes = read(file);
        spark.sparkContext().addFile(file.toAbsolutePath().toString());
        return new WasmModuleRef(ModuleCache.sha256(bytes), null, null, file.getFileName().toString(), null, -1, 0, null);
    }

    /**
     * Every call traps (and fails its task) when it runs longer than this, at most an eighth later (the
     * slack lets one engine deadline cover many short calls); null for no limit.
     */
    public WasmModuleRef withTimeout(Duration timeout) {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        return new WasmModuleRef(sha256, inline, broadcast, sparkFile, timeout, memoryPages, maxInstances, imports);
    }

    /** Caps every memory an instance defines at this many 64 KiB pages ({@code memory.grow} past it fails); -1 for none. */
    public WasmModuleRef withMemoryPages(long pages) {
        if (pages < -1) throw new IllegalArgumentException("memoryPages must be -1 or a page count: " + pages);
        return new WasmModuleRef(sha256, inline, broadcast, sparkFile, timeout, pages, maxInstances, imports);
    }

    /** At most this many live instances per executor JVM (in use and idle); the default is twice the cores. */
    public WasmModuleRef withMaxInstances(int max) {
        if (max < 1) throw new IllegalArgumentException("maxInstances must be at least 1: " + max);
        return new WasmModuleRef(sha256, inline, broadcast, sparkFile, timeout, memoryPages, max, imports);
    }

    /** Imports for modules that need them (WASI, host functions); each new instance gets fresh ones. */
    public WasmModuleRef withImports(ImportsFactory factory) {
        return new WasmModuleRef(sha256, inline, broadcast, sparkFile, timeout, memoryPages, maxInstances,
                Objects.requireNonNull(factory, "factory"));
    }

    public String sha256() { return sha256; }

    public Duration timeout() { return timeout; }

    public long memoryPages() { return memoryPages; }

    public int maxInstances() {
        return maxInstances > 0 ? maxInstances : Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    }

    ImportsFactory importsFactory() { return imports; }

    /** The compiled module, from this JVM's cache (compiled on first use). */
    public Module module() {
        return ModuleCache.get(sha256, this::bytes);
    }

    /** This JVM's instance pool for the module under these limits. */
    public InstancePool pool() {
        return InstancePool.of(this);
    }

    /**
     * Borrows an instance under this ref's timeout, for calls outside UDFs and kernels; close it to give it
     * back. Instances are shared by every ref with the same bytes, memory cap, bound and imports.
     */
    public WasmInstance borrow() {
        return pool().acquire(timeout);
    }

    private byte[] bytes() {
        if (inline != null) return inline;
        if (broadcast != null) return broadcast.value();
        return read(Path.of(SparkFiles.get(sparkFile)));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read wasm module " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        String via = inline != null ? "inline" : broadcast != null ? "broadcast" : "sparkFile " + sparkFile;
        return "WasmModuleRef[" + sha256.substring(0, 12) + ", " + via + "]";
    }
}
