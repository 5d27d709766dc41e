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
 *
 * <p>A function whose method would be over the budget ({@code Compiler.maxMethodBytes}) is split:
 * {@link dev.gatun.compiler.RegionPlan} picks blocks, loops and ifs so each method holds about a target
 * amount of Wasm code, and {@link dev.gatun.compiler.BodySplitter} emits each as a static method called
 * where the construct stands, with the locals it uses in a per-call frame array, its entry values as
 * arguments, the vector file shared, and an int result saying how control left it (fall out, or a branch
 * to one of the caller's labels, a return included). {@link dev.gatun.compiler.ModuleCompilation} retries
 * with smaller regions while a method is still over; what cannot be split (straight-line code, a single
 * huge instruction) stays in tier 1 and is named in the report.
 */
package dev.gatun.compiler;
