package dev.gatun.text;

import java.util.ArrayList;
import java.util.List;

/**
 * One printed instruction. Structured instructions keep their bodies, so the same tree prints flat
 * ({@code block ... end}) or folded ({@code (block ...)}); a plain instruction in folded form owns the
 * operand instructions that directly precede it. Folding only regroups the instruction sequence
 * ({@code (op a b)} means {@code a b op}), so it round-trips to the same bytes whatever the operand counts.
 */
final class PrintNode {
    static final int PLAIN = 0, BLOCK = 1, IF = 2, TRY = 3, TRY_TABLE = 4;

    final int kind;
    /** The instruction's keyword and immediates, e.g. {@code i32.load offset=4} or {@code block $l (result i32)}. */
    final String head;
    /** Folded operands (and an {@code if}'s condition). */
    final List<PrintNode> kids = new ArrayList<>(0);
    /** The body of a block, loop, try_table; the then-branch of an if; the do-part of a legacy try. */
    List<PrintNode> body;
    /** An if's else-branch, or null when the binary has none. */
    List<PrintNode> alt;
    /** Legacy try: the heads ({@code catch $e}, {@code catch_all}) and bodies of its handlers. */
    List<String> clauseHeads;
    List<List<PrintNode>> clauseBodies;
    /** Legacy try ended by {@code delegate L} instead of {@code end}. */
    String delegate;
    /** Whether this instruction leaves exactly one value, so it can be an operand of the next. */
    final boolean operand;

    PrintNode(int kind, String head, boolean operand) {
        this.kind = kind;
        this.head = head;
        this.operand = operand;
        if (kind != PLAIN) body = new ArrayList<>();
    }

    /** Appends {@code nodes} at {@code level} of indentation, one instruction per line, or on one line when {@code level < 0}. */
    static void render(StringBuilder sb, List<PrintNode> nodes, int level, boolean folded) {
        for (PrintNode n : nodes) {
            newline(sb, level);
            n.render(sb, level, folded);
        }
    }

    private static void newline(StringBuilder sb, int level) {
        if (level < 0) {
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != '(') sb.append(' ');
            return;
        }
        sb.append('\n');
        // Deeper code keeps the indentation of level 40: otherwise the text of deeply nested blocks grows
        // with the square of their depth.
        for (int i = Math.min(level, 40); i > 0; i--) sb.append("  ");
    }

    private static int deeper(int level) { return level < 0 ? level : level + 1; }

    private void render(StringBuilder sb, int level, boolean folded) {
        int in = deeper(level);
        if (!folded) {
            sb.append(head);
            switch (kind) {
                case PLAIN -> { }
                case IF -> {
                    render(sb, body, in, false);
                    if (alt != null) {
                        newline(sb, level);
                        sb.append("else");
                        render(sb, alt, in, false);
                    }
                }
                case TRY -> {
                    render(sb, body, in, false);
                    for (int i = 0; i < clauseHeads.size(); i++) {
                        newline(sb, level);
                        sb.append(clauseHeads.get(i));
                        render(sb, clauseBodies.get(i), in, false);
                    }
                    if (delegate != null) {
                        newline(sb, level);
                        sb.append(delegate);
                        return;
                    }
                }
                default -> render(sb, body, in, false);
            }
            if (kind != PLAIN) {
                newline(sb, level);
                sb.append("end");
            }
            return;
        }
        sb.append('(').append(head);
        switch (kind) {
            case PLAIN -> kidsInline(sb, level);
            case IF -> {
                kidsInline(sb, level);
                newline(sb, in);
                sb.append("(then");
                render(sb, body, deeper(in), true);
                sb.append(')');
                if (alt != null) {
                    newline(sb, in);
                    sb.append("(else");
                    render(sb, alt, deeper(in), true);
                    sb.append(')');
                }
            }
            case TRY -> {
                newline(sb, in);
                sb.append("(do");
                render(sb, body, deeper(in), true);
                sb.append(')');
                for (int i = 0; i < clauseHeads.size(); i++) {
                    newline(sb, in);
                    sb.append('(').append(clauseHeads.get(i));
                    render(sb, clauseBodies.get(i), deeper(in), true);
                    sb.append(')');
                }
                if (delegate != null) {
                    newline(sb, in);
                    sb.append('(').append(delegate).append(')');
                }
            }
            default -> render(sb, body, in, true);
        }
        sb.append(')');
    }

    /** Short operands stay on the instruction's line; long or structured ones go one per line below it. */
    private void kidsInline(StringBuilder sb, int level) {
        if (kids.isEmpty()) return;
        if (level < 0 || width(LINE) <= LINE) {
            for (PrintNode k : kids) {
                sb.append(' ');
                k.render(sb, -1, true);
            }
        } else {
            render(sb, kids, level + 1, true);
        }
    }

    private static final int LINE = 72;

    /** The width of this operand tree on one line, or more than {@code cap} if it is wider or has a structured part (cost bounded by cap). */
    private int width(int cap) {
        if (kind != PLAIN) return cap + 1;
        int w = head.length() + 2;
        for (PrintNode k : kids) {
            if (w > cap) return w;
            w += 1 + k.width(cap - w);
        }
        return w;
    }
}
