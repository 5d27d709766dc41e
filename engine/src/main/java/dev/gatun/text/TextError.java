package dev.gatun.text;

import dev.gatun.CompileError;

/** Malformed-text errors, all {@link CompileError}s of kind MALFORMED carrying line:column. */
final class TextError {
    private TextError() {}

    static CompileError at(int line, int col, String reason) {
        return new CompileError(CompileError.Kind.MALFORMED, line, col, reason);
    }

    static CompileError at(Sx node, String reason) {
        return at(node.line, node.col, reason);
    }
}
