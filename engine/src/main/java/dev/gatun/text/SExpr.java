package dev.gatun.text;

import dev.gatun.model.CompileFailure;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One node of the S-expression tree the lexer builds: a parenthesised list or an atom (keyword, id,
 * number-like token, string, or a reserved token that no rule accepts). The whole text becomes a tree
 * first so that the module parser can look ahead and make its passes over fields freely.
 */
public final class SExpr {
    public enum Kind { LIST, KEYWORD, ID, NUM, STRING, RESERVED }

    public final Kind kind;
    /** Atom text as written (for ids without the {@code $}; for strings the raw source); null for lists. */
    public final String text;
    /** The decoded bytes of a string, or of a quoted id's name. */
    public final byte[] bytes;
    /** For strings and quoted ids: null when the bytes are valid UTF-8, else why not; for reserved tokens the lexer's complaint. */
    public final String problem;
    public final List<SExpr> kids;
    public final int line, col;
    /** For lists: whether this is an annotation {@code (@id ...)}; {@link #text} then holds the id. */
    public final boolean annotation;
    /** For a module's list: a misplaced annotation in it, which makes the module malformed (or invalid) when parsed. */
    CompileFailure annotationFailure;

    SExpr(Kind kind, String text, byte[] bytes, String problem, List<SExpr> kids, int line, int col, boolean annotation) {
        this.kind = kind;
        this.text = text;
        this.bytes = bytes;
        this.problem = problem;
        this.kids = kids;
        this.line = line;
        this.col = col;
        this.annotation = annotation;
    }

    public boolean isList() { return kind == Kind.LIST; }

    public boolean isKeyword(String k) { return kind == Kind.KEYWORD && text.equals(k); }

    /** A list whose first element is keyword {@code k}. */
    public boolean isList(String k) { return kind == Kind.LIST && !kids.isEmpty() && kids.get(0).isKeyword(k); }

    /** The head keyword of a list, or null. */
    public String head() {
        return kind == Kind.LIST && !kids.isEmpty() && kids.get(0).kind == Kind.KEYWORD ? kids.get(0).text : null;
    }

    public int size() { return kids == null ? 0 : kids.size(); }

    public SExpr kid(int i) { return kids.get(i); }

    /** The string's text as UTF-8 (for names), failing when it is not valid UTF-8. */
    public String utf8() {
        if (problem != null) throw TextError.at(this, problem);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        if (kind == Kind.LIST) return "(" + (head() == null ? "" : head()) + " ...)";
        if (kind == Kind.ID) return "$" + text;
        return text;
    }
}
