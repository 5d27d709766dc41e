package dev.gatun.text;

import java.util.List;

/** A cursor over the elements of one list (from some start), with the checks every rule needs. */
final class ListCursor {
    final SExpr list;
    private final List<SExpr> kids;
    int i;

    ListCursor(SExpr list, int start) {
        this.list = list;
        this.kids = list.kids;
        this.i = start;
    }

    boolean atEnd() { return i >= kids.size(); }

    SExpr peek() { return i < kids.size() ? kids.get(i) : null; }

    SExpr peek(int ahead) { return i + ahead < kids.size() ? kids.get(i + ahead) : null; }

    SExpr next() {
        if (i >= kids.size()) throw TextError.at(endLine(), endCol(), "unexpected token )"
                + (list.head() != null ? " in " + list.head() : ""));
        SExpr s = kids.get(i++);
        if (s.kind == SExpr.Kind.RESERVED) throw TextError.at(s, s.problem != null ? s.problem : "unexpected token " + s.text);
        return s;
    }

    /** Where a missing element would have been: the list itself (the closing parenthesis is not tracked). */
    private int endLine() { return kids.isEmpty() ? list.line : kids.getLast().line; }

    private int endCol() { return kids.isEmpty() ? list.col : kids.getLast().col; }

    boolean peekKeyword(String k) {
        SExpr s = peek();
        return s != null && s.isKeyword(k);
    }

    boolean peekList(String head) {
        SExpr s = peek();
        return s != null && s.isList(head);
    }

    boolean peekId() {
        SExpr s = peek();
        return s != null && s.kind == SExpr.Kind.ID;
    }

    /** An index-like atom: a number or an id. */
    boolean peekIndex() {
        SExpr s = peek();
        return s != null && (s.kind == SExpr.Kind.ID || s.kind == SExpr.Kind.NUM);
    }

    boolean peekString() {
        SExpr s = peek();
        return s != null && s.kind == SExpr.Kind.STRING;
    }

    /** Consumes keyword {@code k} if it is next. */
    boolean keyword(String k) {
        if (peekKeyword(k)) {
            i++;
            return true;
        }
        return false;
    }

    /** The id at the cursor, consumed, or null if there is none. */
    SExpr optId() {
        if (peekId()) return kids.get(i++);
        return null;
    }

    SExpr expectList(String head) {
        SExpr s = next();
        if (!s.isList(head)) throw TextError.at(s, "unexpected token " + s + ", expected (" + head + " ...)");
        return s;
    }

    SExpr expectString() {
        SExpr s = next();
        if (s.kind != SExpr.Kind.STRING) throw TextError.at(s, "unexpected token " + s + ", expected a string");
        return s;
    }

    void expectKeyword(String k) {
        SExpr s = next();
        if (!s.isKeyword(k)) throw TextError.at(s, "unexpected token " + s + ", expected " + k);
    }

    void expectEnd() {
        if (!atEnd()) {
            SExpr s = peek();
            throw TextError.at(s, s.kind == SExpr.Kind.RESERVED && s.problem != null ? s.problem : "unexpected token " + s);
        }
    }
}
