/**
 * Tier 2 (not exported): validated bodies compiled to JVM bytecode, one hidden class per module (split
 * when large; calls between its classes link through invokedynamic to constant call sites).
 * {@link dev.gatun.compiler.Compiler} scans each body (can it be compiled, what does it use), lays out the
 * classes and their entries; per function, {@link dev.gatun.compiler.FunctionCompiler} (control, calls,
 * dispatch) over {@link dev.gatun.compiler.SimdCodegen}, {@link dev.gatun.compiler.ScalarCodegen} and
 * {@link dev.gatun.compiler.FunctionState}. Values stay on the JVM operand stack; v128 values live in a
 * per-call {@code long[]} where the same {@link dev.gatun.vector.Kernels kernels} as tier 1 run, called
 * through invokedynamic so C2 inlines them late. Generated code calls {@link dev.gatun.compiler.CompiledSupport}
 * for traps, memory, tables and calls out, and enters tier 1 through {@code CompiledSupport.call}.
 */
package dev.gatun.compiler;
