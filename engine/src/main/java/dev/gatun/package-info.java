/**
 * Gatun's public API: {@link dev.gatun.WebAssembly} compiles and instantiates, {@link dev.gatun.Module},
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
