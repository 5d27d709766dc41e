/**
 * Tier 1 (not exported): a register-IR translator and a switch-dispatched interpreter, and the function
 * instances and per-instance state it runs ({@link dev.gatun.interpreter.FuncInst},
 * {@link dev.gatun.interpreter.InstanceState}). {@link dev.gatun.interpreter.IrOp} and
 * {@link dev.gatun.interpreter.IrFunction} are the IR. Tier 1 calls compiled code through the generated class's
 * {@link dev.gatun.interpreter.CompiledCode} entry, with arguments in its registers, and hosts and compiled
 * callees through {@link dev.gatun.interpreter.Interpreter#callOutOfLine}; compiled code calls back through
 * {@code dev.gatun.compiler.CompiledSupport.call}.
 *
 * <ul>
 *   <li>{@link dev.gatun.interpreter.Translator} turns a validated body into {@code long[]} words
 *       ({@code op:10 | a:18 | b:18 | c:18}, extension words for wide immediates and branch targets),
 *       lazily on first call, cached per module (behind {@link dev.gatun.interpreter.ModuleCode}).</li>
 *   <li>Frames are {@code [params | locals | constants | temporaries]} in one {@code long[]} per thread
 *       (references in a parallel {@code Object[]}); a callee's frame starts at its first argument, which
 *       the caller already placed in its top temporaries, so calls copy nothing.</li>
 *   <li>{@link dev.gatun.interpreter.Interpreter#run} is the only hot dispatch method; cold families go to
 *       {@code runMisc} and {@code runSimd}. Wasm calls use an explicit call stack
 *       ({@link dev.gatun.interpreter.CallStack}); traps are stackless {@link dev.gatun.runtime.WasmTrap}s turned
 *       into {@code RuntimeError}s with the Wasm stack at the API boundary ({@code dev.gatun}, which also
 *       adapts Java host functions to {@link dev.gatun.interpreter.HostCode}: this package never sees an
 *       API type).</li>
 *   <li>Fusion happens in two places: the translator folds pairs into one word (compare+branch,
 *       add+load/store, add+compare+branch, compare+select), and a few handlers in {@code run} execute a
 *       directly following instruction of the same kind without another dispatch (runs of i32.add, pairs
 *       of f64.load), which needs no encoding and keeps every word a valid branch target.</li>
 *   <li>GC: a struct, array or i31 is a Java object ({@link dev.gatun.runtime.GcStruct},
 *       {@link dev.gatun.runtime.GcArray}, {@link dev.gatun.runtime.I31}) held in the reference register file
 *       like any reference, so nothing is boxed and the JVM's collector reclaims it; a struct keeps its
 *       numbers as raw bits in one {@code long[]} and its references in one {@code Object[]}, an array one
 *       compact Java array by storage ({@code byte[]} for i8, ...). Casts compare canonical types: one
 *       {@code instanceof} for the abstract types, one array load for a defined type's supertype chain.
 *       Every GC instruction is one cold op ({@link dev.gatun.interpreter.GcTranslator},
 *       {@link dev.gatun.interpreter.GcExec}) over the semantics both tiers share
 *       ({@link dev.gatun.runtime.GcOps}); extern/any conversions emit nothing (a host value is the same
 *       object in both hierarchies).</li>
 *   <li>Invariant: an i32 is held sign-extended in its 64-bit register (so {@code i64.extend_i32_s} and
 *       branch-on-zero tests need no masking).</li>
 * </ul>
 */
package dev.gatun.interpreter;
