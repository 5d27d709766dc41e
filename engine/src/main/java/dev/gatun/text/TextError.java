package dev.gatun.text;

import dev.gatun.model.CompileFailure;

/** Malformed-text errors, all {@link CompileFailure}s of kind MALFORMED carrying line:column. */
final class TextError {
    private TextError() {}

    static CompileFailure at(int line, int col, String reason) {
        return new CompileFailure(CompileFailure.Kind.MALFORMED, line, col, reason);
    }

    static CompileFailure at(SExpr node, String reason) {
        return at(node.line, node.col, reason);
    }
}
