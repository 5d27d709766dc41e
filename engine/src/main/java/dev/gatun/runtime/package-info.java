/**
 * Run-time state both tiers share (not exported): tables ({@link dev.gatun.runtime.TableInst}, funcref
 * elements are function instances, externref any object), globals, memories (a view of the linear
 * memory), traps
 * ({@link dev.gatun.runtime.WasmTrap}, stackless; the Wasm stack is added where they leave Wasm), and the
 * numeric semantics where Wasm and Java differ ({@link dev.gatun.runtime.Numerics}), called by the
 * interpreter and by compiled code alike.
 */
package dev.gatun.runtime;
