package dev.gatun;

import dev.gatun.binary.ModuleDecoder;
import dev.gatun.compiler.Compiler;
import dev.gatun.model.CompileFailure;
import dev.gatun.model.WasmModule;
import dev.gatun.validation.Validator;

import java.io.InputStream;
import java.nio.channels.ReadableByteChannel;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * Entry point of Gatun, modelled on the JavaScript {@code WebAssembly} namespace: validate and compile
 * module binaries, then instantiate them. Only {@link WebAssemblyException}s escape, whatever the input.
 */
public final class WebAssembly {
    private WebAssembly() {}

    /** Whether {@code bytes} is a valid module binary. */
    public static boolean validate(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        try {
            compile(bytes);
            return true;
        } catch (CompileError e) {
            return false;
        }
    }

    /**
     * Decodes and validates a module binary.
     *
     * @throws CompileError when the binary is malformed or the module invalid
     */
    public static Module compile(byte[] bytes) {
        return compile(bytes, CompileOptions.defaults());
    }

    /**
     * Parses, decodes and validates a module written in the text format (see {@link Wat#parse(String)}).
     *
     * @throws CompileError when the text is malformed (with its line and column) or the module invalid
     */
    public static Module compile(String wat) {
        return compile(Wat.parse(wat));
    }

    /**
     * Decodes and validates a module binary whose functions will run in {@code tier}.
     *
     * @throws CompileError when the binary is malformed or the module invalid
     */
    public static Module compile(byte[] bytes, Tier tier) {
        return compile(bytes, tier, WasmVersion.WASM_3_0);
    }

    /**
     * Decodes and validates a module binary, prepared as {@code options} say.
     *
     * @throws CompileError when the binary is malformed or the module invalid, or (strict compilation only)
     *                      a function cannot be compiled to JVM bytecode
     */
    public static Module compile(byte[] bytes, CompileOptions options) {
        return compile(bytes, options, WasmVersion.WASM_3_0);
    }

    /**
     * Decodes and validates a module binary by the rules of {@code version} (Wasm 2.0 rejects the 3.0
     * encodings that were errors in 2.0; see {@link WasmVersion}).
     *
     * @throws CompileError when the binary is malformed or the module invalid
     */
    public static Module compile(byte[] bytes, Tier tier, WasmVersion version) {
        Objects.requireNonNull(tier, "tier");
        return compile(bytes, CompileOptions.defaults().withTier(tier), version);
    }

    /** {@link #compile(byte[], CompileOptions)} by the rules of {@code version}. */
    public static Module compile(byte[] bytes, CompileOptions options, WasmVersion version) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(options, "options");
        boolean wasm2 = Objects.requireNonNull(version, "version") == WasmVersion.WASM_2_0;
        Compiler.Cache cache = options.classCache() == null || options.tier() == Tier.INTERPRETER ? null
                : new Compiler.Cache(options.classCache(), bytes, wasm2);
        return guarded(() -> ModuleDecoder.decode(bytes, wasm2), options, cache);
    }

    /**
     * Compiles on the common pool. The future completes exceptionally with the {@link CompileError}
     * itself (not wrapped) when the module does not compile. The array is copied first, so the caller
     * may reuse it.
     */
    public static CompletableFuture<Module> compileAsync(byte[] bytes) {
        return compileAsync(bytes, Tier.fromProperty());
    }

    /** {@link #compileAsync(byte[])} for {@code tier}. */
    public static CompletableFuture<Module> compileAsync(byte[] bytes, Tier tier) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(tier, "tier");
        byte[] copy = bytes.clone();
        CompletableFuture<Module> f = new CompletableFuture<>();
        ForkJoinPool.commonPool().execute(() -> {
            try {
                f.complete(compile(copy, tier));
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    /**
     * Decodes while reading, one section at a time, so the whole binary is never held in memory.
     * The stream is read to the end of the module but not closed. I/O failures become a
     * {@link CompileError} whose reason starts with "I/O error".
     */
    public static Module compileStreaming(InputStream in) {
        return compileStreaming(in, Tier.fromProperty());
    }

    /** {@link #compileStreaming(InputStream)} for {@code tier}. */
    public static Module compileStreaming(InputStream in, Tier tier) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(tier, "tier");
        return guarded(() -> ModuleDecoder.decode(in), CompileOptions.defaults().withTier(tier));
    }

    /** Like {@link #compileStreaming(InputStream)}, reading from a channel (which is not closed). */
    public static Module compileStreaming(ReadableByteChannel channel) {
        return compileStreaming(channel, Tier.fromProperty());
    }

    /** {@link #compileStreaming(ReadableByteChannel)} for {@code tier}. */
    public static Module compileStreaming(ReadableByteChannel channel, Tier tier) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(tier, "tier");
        return guarded(() -> ModuleDecoder.decode(channel), CompileOptions.defaults().withTier(tier));
    }

    /**
     * Instantiates a module: resolves and type-checks its imports, allocates its tables, memories and
     * globals, applies element then data segments, and runs the start function.
     *
     * @throws LinkError    if an import is missing or has an incompatible type
     * @throws RuntimeError if a segment is out of bounds or the start function traps
     */
    public static Instance instantiate(Module module, Imports imports) {
        return instantiate(module, imports, InstanceLimits.NONE);
    }

    /**
     * {@link #instantiate(Module, Imports)} under resource caps, e.g. for untrusted modules: a memory the
     * module defines never grows past {@code limits.memoryPages()}; a module whose minimum exceeds the cap
     * fails to instantiate with a RuntimeError.
     */
    public static Instance instantiate(Module module, Imports imports, InstanceLimits limits) {
        Objects.requireNonNull(module, "module");
        return Instantiator.instantiate(module, imports, limits);
    }

    /** {@link #instantiate} on the common pool; the future fails with the same errors. */
    public static CompletableFuture<Instance> instantiateAsync(Module module, Imports imports) {
        return instantiateAsync(module, imports, InstanceLimits.NONE);
    }

    /** {@link #instantiate(Module, Imports, InstanceLimits)} on the common pool. */
    public static CompletableFuture<Instance> instantiateAsync(Module module, Imports imports, InstanceLimits limits) {
        Objects.requireNonNull(module, "module");
        return CompletableFuture.supplyAsync(() -> Instantiator.instantiate(module, imports, limits), ForkJoinPool.commonPool());
    }

    /**
     * What the one-step forms return, like the JS API's {@code {module, instance}}: the compiled module
     * (to instantiate again) and its first instance. Closing it closes the instance.
     */
    public record Instantiated(Module module, Instance instance) implements AutoCloseable {
        public Instantiated {
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(instance, "instance");
        }

        /** The instance's exports. */
        public Exports exports() { return instance.exports(); }

        @Override
        public void close() { instance.close(); }
    }

    /**
     * Compiles a module binary and instantiates it in one step.
     *
     * @throws CompileError  when the binary is malformed or the module invalid
     * @throws LinkError     if an import is missing or has an incompatible type
     * @throws RuntimeError  if a segment is out of bounds or the start function traps
     */
    public static Instantiated instantiate(byte[] bytes, Imports imports) {
        Module m = compile(bytes);
        return new Instantiated(m, instantiate(m, imports));
    }

    /**
     * {@link #instantiate(byte[], Imports)} on the common pool; the future fails with the same errors
     * ({@code get()}'s ExecutionException has them as cause). The array is copied first, so the caller
     * may reuse it.
     */
    public static CompletableFuture<Instantiated> instantiateAsync(byte[] bytes, Imports imports) {
        return compileAsync(bytes).thenApplyAsync(m -> new Instantiated(m, Instantiator.instantiate(m, imports, InstanceLimits.NONE)),
                ForkJoinPool.commonPool());
    }

    /**
     * Compiles while reading (see {@link #compileStreaming(InputStream)}) and instantiates. The stream
     * is not closed; an I/O failure is a {@link CompileError} whose reason starts with "I/O error".
     */
    public static Instantiated instantiateStreaming(InputStream in, Imports imports) {
        Module m = compileStreaming(in);
        return new Instantiated(m, instantiate(m, imports));
    }

    /** {@link #instantiateStreaming(InputStream, Imports)} from a file, which is opened and closed here. */
    public static Instantiated instantiateStreaming(java.nio.file.Path file, Imports imports) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return instantiateStreaming(in, imports);
        } catch (java.io.IOException e) {
            throw ioError(file.toString(), e);
        }
    }

    /**
     * {@link #instantiateStreaming(InputStream, Imports)} from a URI with a URL handler ({@code file:},
     * {@code http:}, {@code https:}, {@code jar:}), as the JS API streams from a fetch.
     *
     * @throws IllegalArgumentException if the URI is not absolute or has no handler
     */
    public static Instantiated instantiateStreaming(java.net.URI uri, Imports imports) {
        Objects.requireNonNull(uri, "uri");
        java.net.URL url;
        try {
            url = uri.toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException("cannot read from " + uri + ": " + e.getMessage(), e);
        }
        try (InputStream in = url.openStream()) {
            return instantiateStreaming(in, imports);
        } catch (java.io.IOException e) {
            throw ioError(uri.toString(), e);
        }
    }

    private static CompileError ioError(String source, java.io.IOException e) {
        return new CompileError(CompileError.Kind.MALFORMED, 0, "I/O error: " + source + ": " + e, e);
    }

    /**
     * Runs decoding and validation, turning anything that is not a CompileError into one, so no raw
     * Java exception escapes even if a defensive check was missed (e.g. an absurd count that got past
     * the length checks and exhausted memory).
     */
    private static Module guarded(Supplier<WasmModule> decode, CompileOptions options) {
        return guarded(decode, options, null);
    }

    /** {@code cache}: tier 2's class cache for the module's bytes, or null (streamed modules go without). */
    private static Module guarded(Supplier<WasmModule> decode, CompileOptions options, Compiler.Cache cache) {
        WasmModule m;
        try {
            m = decode.get();
            Validator.validate(m);
            SimdSupport.check(m);
        } catch (CompileFailure e) {
            throw CompileError.of(e);
        } catch (CompileError e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new CompileError(CompileError.Kind.MALFORMED, -1, "module could not be decoded: " + e, e);
        }
        // Outside the guard: strict compilation's CompileError is of its own kind, the module is well formed.
        return new Module(m, options, cache);
    }
}
