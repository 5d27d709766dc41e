package dev.gatun.spark;

import dev.gatun.Module;
import dev.gatun.WebAssembly;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Compiled modules of this JVM (one executor, or driver and executors in local mode), keyed by the
 * SHA-256 of their bytes. Every task of every job that uses the same bytes shares one {@link Module}:
 * it is immutable and thread-safe, and compiling it again per task would cost more than most tasks.
 * Compilations are counted per hash, so tests and monitoring can check that nothing recompiles.
 */
public final class ModuleCache {
    private static final Map<String, Module> MODULES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> COMPILES = new ConcurrentHashMap<>();

    private ModuleCache() {}

    /**
     * The module for {@code sha256}, compiling {@code bytes} only if this JVM has not yet. Concurrent
     * callers for the same hash wait for the one compilation. A module that fails to compile is not
     * cached, so the {@code CompileError} reaches every task that asks.
     */
    public static Module get(String sha256, Supplier<byte[]> bytes) {
        Module m = MODULES.get(sha256);
        if (m != null) return m;
        return MODULES.computeIfAbsent(sha256, h -> {
            byte[] b = bytes.get();
            String actual = sha256(b);
            if (!actual.equals(h)) {
                throw new IllegalStateException("module bytes hash to " + actual + ", expected " + h);
            }
            Module compiled = WebAssembly.compile(b);
            COMPILES.computeIfAbsent(h, k -> new AtomicLong()).incrementAndGet();
            return compiled;
        });
    }

    /** How many times this JVM compiled the module with this hash (0 if never). */
    public static long compileCount(String sha256) {
        AtomicLong n = COMPILES.get(sha256);
        return n == null ? 0 : n.get();
    }

    /** Whether this JVM holds a compiled module for this hash. */
    public static boolean contains(String sha256) { return MODULES.containsKey(sha256); }

    /** Lower-case hex SHA-256 of {@code bytes}: the key under which they are cached. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e); // every JDK must ship it
        }
    }
}
