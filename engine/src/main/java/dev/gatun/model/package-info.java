/**
 * The decoded module (not exported): {@link dev.gatun.model.WasmModule} with its sections as the spec
 * names them, constant expressions ({@link dev.gatun.model.ConstExpr}), and the instruction table
 * ({@link dev.gatun.model.Instruction}): one constant per instruction with its opcode, text name,
 * immediate shape, feature and fixed types. To add an instruction, add its constant there; every stage
 * then finds it by that constant.
 */
package dev.gatun.model;
