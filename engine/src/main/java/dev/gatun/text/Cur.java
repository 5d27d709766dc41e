package dev.gatun.text;

import java.util.List;

/** A cursor over the elements of one list (from some start), with the checks every rule needs. */
final class Cur {
    final Sx list;
    private final List<Sx> kids;
    int i;

    Cur(Sx list, int start) {
        this.list = list;
        this.kids = list.kids;
        this.i = start;
    }

    boolean atEnd() { return i >= kids.size(); }

    Sx peek() { return i < kids.size() ? kids.get(i) : null; }

    Sx peek(int ahead) { return i + ahead < kids.size() ? kids.get(i + ahead) : null; }

    Sx next() {
        if (i >= kids.size()) throw TextError.at(endLine(), endCol(), "unexpected token )"
                + (list.head() != null ? " in " + list.head() : ""));
        Sx s = kids.get(i++);
        if (s.kind == Sx.Kind.RESERVED) throw TextError.at(s, s.problem != null ? s.problem : "unexpected token " + s.text);
        return s;
    }

    /** Where a missing element would have been: the list itself (the closing parenthesis is not tracked). */
    private int endLine() { return kids.isEmpty() ? list.line : kids.getLast().line; }

    private int endCol() { return kids.isEmpty() ? list.col : kids.getLast().col; }

    boolean peekKeyword(String k) {
        Sx s = peek();
        return s != null && s.isKeyword(k);
    }

    boolean peekList(String head) {
        Sx s = peek();
        return s != null && s.isList(head);
    }

    boolean peekId() {
        Sx s = peek();
        return s != null && s.kind == Sx.Kind.ID;
    }

    /** An index-like atom: a number or an id. */
    boolean peekIndex() {
        Sx s = peek();
        return s != null && (s.kind == Sx.Kind.ID || s.kind == Sx.Kind.NUM);
    }

    boolean peekString() {
        Sx s = peek();
        return s != null && s.kind == Sx.Kind.STRING;
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
    Sx optId() {
        if (peekId()) return kids.get(i++);
        return null;
    }

    Sx expectList(String head) {
        Sx s = next();
        if (!s.isList(head)) throw TextError.at(s, "unexpected token " + s + ", expected (" + head + " ...)");
        return s;
    }

    Sx expectString() {
        Sx s = next();
        if (s.kind != Sx.Kind.STRING) throw TextError.at(s, "unexpected token " + s + ", expected a string");
        return s;
    }

    void expectKeyword(String k) {
        Sx s = next();
        if (!s.isKeyword(k)) throw TextError.at(s, "unexpected token " + s + ", expected " + k);
    }

    void expectEnd() {
        if (!atEnd()) {
            Sx s = peek();
            throw TextError.at(s, s.kind == Sx.Kind.RESERVED && s.problem != null ? s.problem : "unexpected token " + s);
        }
    }
}
