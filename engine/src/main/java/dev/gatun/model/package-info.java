/**
 * The decoded module (not exported): {@link dev.gatun.model.WasmModule} with its sections as the spec
 * names them, constant expressions ({@link dev.gatun.model.ConstExpr}), and the instruction table
 * ({@link dev.gatun.model.Instruction}): one constant per instruction with its opcode, text name,
 * immediate shape, feature and fixed types. To add an instruction, add its constant there; every stage
 * then finds it by that constant. Also here: the binary encodings of types ({@link dev.gatun.model.TypeCode}),
 * and the engine's own type records ({@link dev.gatun.model.ValType}, {@link dev.gatun.model.FunctionType},
 * ...), twins of the public API's, so that no stage refers to the API.
 */
package dev.gatun.model;
