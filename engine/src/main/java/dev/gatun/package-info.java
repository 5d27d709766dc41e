/**
 * Gatun's embedding API, shaped like the JavaScript {@code WebAssembly} namespace.
 *
 * <h2>The life of a module</h2>
 * <ol>
 *   <li>{@link dev.gatun.WebAssembly#compile(byte[])} (or {@code compile(String)} for the text format,
 *       {@code compileStreaming}, {@code compileAsync}) decodes and validates a binary into an immutable
 *       {@link dev.gatun.Module}, which lists its {@link dev.gatun.ImportDescriptor imports} and
 *       {@link dev.gatun.ExportDescriptor exports}.</li>
 *   <li>{@link dev.gatun.Imports} holds what the imports resolve to: host functions
 *       ({@link dev.gatun.HostFunction}, or {@link dev.gatun.HostFunction.WithCaller} to see the importing
 *       instance through a {@link dev.gatun.Caller}), a plain Java object's methods
 *       ({@link dev.gatun.Imports.Builder#bind(String, Object)}), memories, tables, globals, or another
 *       instance's exports.</li>
 *   <li>{@link dev.gatun.WebAssembly#instantiate(Module, Imports)} links and instantiates it into an
 *       {@link dev.gatun.Instance}; {@link dev.gatun.WebAssembly#instantiate(byte[], Imports)} does both
 *       steps at once, as do the async and streaming forms.</li>
 *   <li>{@link dev.gatun.Exports} gives the instance's functions, memories, tables and globals.
 *       {@link dev.gatun.Function#call} takes and returns {@link dev.gatun.Value}s;
 *       {@link dev.gatun.Function#typed(Class)} and {@link dev.gatun.Function#asMethodHandle()} give views
 *       with plain Java types that, for compiled code, allocate nothing per call.</li>
 * </ol>
 *
 * <h2>Errors</h2>
 * What the module causes is a {@link dev.gatun.WebAssemblyException}: a {@link dev.gatun.CompileError}
 * (malformed, invalid, or unsupported by this JVM, such as SIMD without
 * {@code --add-modules jdk.incubator.vector}), a {@link dev.gatun.LinkError} (an import missing or of the
 * wrong type, an export missing or of another kind), or a {@link dev.gatun.RuntimeError} (a trap, with the
 * Wasm stack; an exception thrown by a host function is its cause). A mistake of the calling Java code is a
 * standard Java exception, as JavaScript throws a {@code TypeError} or {@code RangeError}:
 * {@link java.lang.IllegalArgumentException} for arguments that do not fit (wrong number or types of Wasm
 * arguments, a view type that does not match), {@link java.lang.IndexOutOfBoundsException} for a memory
 * range outside the memory, {@link java.lang.IllegalStateException} for an operation the object's state
 * forbids (setting an immutable global, using a closed memory), {@link java.lang.NullPointerException}
 * for a null argument.
 *
 * <h2>Threads</h2>
 * Modules are immutable and shared freely; an instance may be called from any number of threads, each
 * call running on its caller's thread.
 *
 * <h2>Inside</h2>
 * The API: {@link dev.gatun.WebAssembly} compiles and instantiates, {@link dev.gatun.Module},
 * {@link dev.gatun.Instance} and the externs ({@link dev.gatun.Function}, {@link dev.gatun.Table},
 * {@link dev.gatun.Memory}, {@link dev.gatun.Global}) with their types and {@link dev.gatun.Value}s.
 *
 * <p>It is the top layer: the engine's packages below never refer to it. The types have engine twins of the
 * same names in {@code dev.gatun.model} ({@code ApiTypes} converts); values go to and from raw registers in
 * {@code Marshalling}, which also turns the engine's traps into {@link dev.gatun.RuntimeError}s; every
 * Function is a {@code FunctionHandle} over an engine function instance, and a Java host function reaches
 * the engine through an adapter to {@code interpreter.HostCode}; {@code Instantiator} links a module.
 */
package dev.gatun;
