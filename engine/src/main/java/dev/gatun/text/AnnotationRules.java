package dev.gatun.text;

import dev.gatun.model.CompileFailure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Where the annotations a reader interprets may stand (the annotations proposal's {@code @name} and the
 * branch hinting proposal's {@code @metadata.code.branch_hint}); the lexer drops them after these checks,
 * since the binary Gatun makes carries neither. A {@code @name} names the list it opens: it follows the
 * keyword (and id) of a module or a nameable field, once. A branch hint stands in a function body just
 * before the {@code if} or {@code br_if} it is about, flat or folded. A misplaced one fails the module it
 * is in, not the script around it: the failure waits on the module's list ({@link #failureOf}).
 */
final class AnnotationRules {
    private static final Set<String> NAMEABLE = Set.of("module", "func", "param", "local", "global", "table", "memory",
            "tag", "type", "elem", "data", "field");

    /** Lists that already have a @name. */
    private final Set<List<SExpr>> named = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The children list a branch hint is waiting in for its instruction, and where the hint stood. */
    private List<SExpr> hintIn;
    private int hintLine, hintCol;
    /** Failures by the children list of the module they are in. */
    private final IdentityHashMap<List<SExpr>, CompileFailure> failures = new IdentityHashMap<>();

    /** The failure recorded for the module whose children are {@code kids}, or null. */
    CompileFailure failureOf(List<SExpr> kids) { return failures.get(kids); }

    private void fail(CompileFailure f, List<SExpr> parent, ArrayList<ArrayList<SExpr>> open) {
        if (isModule(parent)) {
            failures.putIfAbsent(parent, f);
            return;
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            if (isModule(open.get(i))) {
                failures.putIfAbsent(open.get(i), f);
                return;
            }
        }
        throw f;
    }

    private static boolean isModule(List<SExpr> l) { return !l.isEmpty() && l.getFirst().isKeyword("module"); }

    /** A {@code @name} closed at (line, col) among the children {@code parent} has so far. */
    void name(List<SExpr> parent, ArrayList<ArrayList<SExpr>> open, int line, int col) {
        boolean placed = !parent.isEmpty() && parent.getFirst().kind == SExpr.Kind.KEYWORD && NAMEABLE.contains(parent.getFirst().text)
                && (parent.size() == 1 || parent.size() == 2 && parent.get(1).kind == SExpr.Kind.ID);
        if (!placed) fail(TextError.at(line, col, "misplaced @name annotation"), parent, open);
        else if (!named.add(parent)) fail(TextError.at(line, col, "@name annotation: multiple " + parent.getFirst().text + " names"), parent, open);
    }

    /** A branch hint closed at (line, col) among {@code parent}'s children, inside the lists {@code open}. */
    void branchHint(List<SExpr> parent, ArrayList<ArrayList<SExpr>> open, int line, int col) {
        boolean inFunction = !parent.isEmpty() && parent.getFirst().isKeyword("func");
        for (List<SExpr> l : open) inFunction |= !l.isEmpty() && l.getFirst().isKeyword("func");
        if (!inFunction) {
            fail(TextError.at(line, col, "@metadata.code.branch_hint annotation: not in a function"), parent, open);
            return;
        }
        if (hintIn == parent) {
            fail(TextError.at(line, col, "@metadata.code.branch_hint annotation: duplicate annotation"), parent, open);
            return;
        }
        hintIn = parent;
        hintLine = line;
        hintCol = col;
    }

    /** What follows a pending hint in its list: it must be the branch the hint is about. */
    void added(List<SExpr> parent, ArrayList<ArrayList<SExpr>> open, SExpr e) {
        if (hintIn != parent) return;
        hintIn = null;
        String op = e.kind == SExpr.Kind.LIST ? e.head() : e.kind == SExpr.Kind.KEYWORD ? e.text : null;
        if (!"if".equals(op) && !"br_if".equals(op)) invalidTarget(parent, open);
    }

    /** A list closed: a hint still waiting in it has no instruction to stand before. */
    void closed(List<SExpr> kids, ArrayList<ArrayList<SExpr>> open) {
        if (hintIn == kids) {
            hintIn = null;
            invalidTarget(kids, open);
        }
    }

    private void invalidTarget(List<SExpr> where, ArrayList<ArrayList<SExpr>> open) {
        // Well-formed text whose hint section would point at no branch: invalid, as the section's reader says.
        fail(new CompileFailure(CompileFailure.Kind.INVALID, hintLine, hintCol, "@metadata.code.branch_hint annotation: invalid target"), where, open);
    }
}
