/**
 * The text format (exported to the conformance runner and the CLI only): text to binary and back, outside
 * the engine's pipeline, which starts from bytes; errors are {@code model.CompileFailure}s, which the API
 * turns into {@code CompileError}s.
 *
 * <ul>
 *   <li>Parsing: {@link dev.gatun.text.Lexer} builds an {@link dev.gatun.text.SExpr} tree;
 *       {@code ModuleParser} encodes a module from it in three passes, with {@code IdentifierContext} (the
 *       index spaces, their ids, and type encodings), {@code TypeUses} (inline and explicit type uses),
 *       {@code InstructionEncoder} (flat and folded instructions, through the instruction table),
 *       {@code ListCursor} (walking one list's elements), {@link dev.gatun.text.Numbers} (literals) and
 *       {@code ByteWriter} (LEB128 output).</li>
 *   <li>Printing: {@code TextPrinter} writes a binary module as text, decoding bodies with
 *       {@code PrintCode} into {@code PrintNode}s (flat or folded), with its own byte cursor
 *       ({@code PrintCursor}), names from the name section ({@code PrintNames}) and exact literals
 *       ({@code PrintText}).</li>
 * </ul>
 */
package dev.gatun.text;
