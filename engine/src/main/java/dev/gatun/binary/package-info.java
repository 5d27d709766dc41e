/**
 * Bytes to model (not exported): {@link dev.gatun.binary.ModuleDecoder} reads the sections over a
 * {@link dev.gatun.binary.WasmReader} (LEB128, bounds, byte offsets for errors), and
 * {@link dev.gatun.binary.InstructionReader} reads instructions by the table's immediate shapes: it checks
 * every body structurally here (instructions of features the engine does not run are illegal opcodes),
 * and gives the later stages, which see only checked bodies, {@code next} and {@code skipImmediates}.
 * Type checking is not done here but in {@code validation}.
 */
package dev.gatun.binary;
