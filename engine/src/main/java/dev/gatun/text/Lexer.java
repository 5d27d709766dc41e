package dev.gatun.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns text (as UTF-8 bytes, so that strings keep arbitrary bytes and UTF-8 can be checked where the spec
 * wants names) into an {@link SExpr} tree. Iterative, so nesting depth cannot overflow the Java stack.
 * Problems inside one token (a bad escape, a token glued to a string) become a RESERVED atom carrying the
 * complaint, so that a script whose quoted module is malformed still lexes; only structural problems
 * (unbalanced parentheses, an unclosed string or comment, an illegal character) fail the whole text.
 */
public final class Lexer {
    private final byte[] src;
    private int pos, line = 1, lineStart, inAnnotation;
    private final AnnotationRules rules = new AnnotationRules();

    private Lexer(byte[] src) { this.src = src; }

    /** The top-level forms of {@code text}. */
    public static List<SExpr> parse(String text) { return parse(text.getBytes(StandardCharsets.UTF_8)); }

    public static List<SExpr> parse(byte[] utf8) { return new Lexer(utf8).forms(); }

    private static final boolean[] IDCHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) IDCHAR[c] = true;
        for (char c = 'a'; c <= 'z'; c++) IDCHAR[c] = true;
        for (char c = 'A'; c <= 'Z'; c++) IDCHAR[c] = true;
        for (char c : "!#$%&'*+-./:<=>?@\\^_`|~".toCharArray()) IDCHAR[c] = true;
    }

    static boolean idchar(int b) { return b >= 0 && b < 128 && IDCHAR[b]; }

    /** Characters that may be glued into a reserved token besides idchars. */
    private static boolean reservedChar(int b) { return idchar(b) || b == ',' || b == ';' || b == '[' || b == ']' || b == '{' || b == '}'; }

    /** Whether the token being read goes on at {@code p}: a comment start ends it, like white space. */
    private boolean continues(int p) {
        if (p >= src.length || !reservedChar(src[p])) return false;
        return !(src[p] == ';' && p + 1 < src.length && src[p + 1] == ';');
    }

    private int col() { return pos - lineStart + 1; }

    private List<SExpr> forms() {
        // Each open list: its children, its position, its annotation id (or null).
        ArrayList<ArrayList<SExpr>> stack = new ArrayList<>();
        ArrayList<int[]> where = new ArrayList<>();
        ArrayList<String> annot = new ArrayList<>();
        ArrayList<SExpr> top = new ArrayList<>();
        ArrayList<SExpr> cur = top;
        while (true) {
            skipSpace();
            if (pos >= src.length) break;
            int b = src[pos] & 0xFF;
            int l = line, c = col();
            if (b == '(') {
                pos++;
                String an = null;
                // Inside an annotation, "(@" is just a parenthesis and a token: annotations do not nest as such.
                if (pos < src.length && src[pos] == '@' && inAnnotation == 0) {
                    int s = ++pos;
                    while (pos < src.length && idchar(src[pos])) pos++;
                    if (pos < src.length && src[pos] == '"' && pos == s) {
                        SExpr str = string(l, c);
                        an = str.problem == null ? new String(str.bytes, StandardCharsets.UTF_8) : "";
                    } else an = new String(src, s, pos - s, StandardCharsets.UTF_8);
                    if (an.isEmpty()) throw TextError.at(l, c, "empty annotation id");
                }
                stack.add(cur);
                where.add(new int[] {l, c});
                annot.add(an);
                if (an != null) inAnnotation++;
                cur = new ArrayList<>();
            } else if (b == ')') {
                pos++;
                if (stack.isEmpty()) throw TextError.at(l, c, "unexpected token )");
                ArrayList<SExpr> kids = cur;
                cur = stack.removeLast();
                int[] w = where.removeLast();
                String an = annot.removeLast();
                if (an != null) inAnnotation--;
                if (an == null) {
                    rules.closed(kids, stack);
                    SExpr list = new SExpr(SExpr.Kind.LIST, null, null, null, kids, w[0], w[1], false);
                    list.annotationFailure = rules.failureOf(kids);
                    rules.added(cur, stack, list);
                    cur.add(list);
                } else if (an.equals("name")) {
                    rules.name(cur, stack, w[0], w[1]);
                } else if (an.equals("metadata.code.branch_hint")) {
                    rules.branchHint(cur, stack, w[0], w[1]);
                } else if (an.equals("custom")) {
                    // A custom section only makes sense among a module's fields (annotations proposal).
                    if (!parentIsModule(cur, stack)) throw TextError.at(w[0], w[1], "misplaced @custom annotation");
                    cur.add(new SExpr(SExpr.Kind.LIST, an, null, null, kids, w[0], w[1], true));
                }
                // Other annotations carry nothing the binary needs: dropped here so no parser rule sees them.
            } else {
                SExpr a = atom(l, c);
                rules.added(cur, stack, a);
                cur.add(a);
            }
        }
        if (!stack.isEmpty()) {
            int[] w = where.getLast();
            if (inAnnotation > 0) throw TextError.at(w[0], w[1], "unclosed annotation");
            throw TextError.at(w[0], w[1], "unexpected end of input: unclosed (");
        }
        return top;
    }

    /** Whether the list being built (children {@code cur}) is a module, or the text's top level. */
    private static boolean parentIsModule(ArrayList<SExpr> cur, ArrayList<ArrayList<SExpr>> stack) {
        if (stack.isEmpty()) return true;
        return !cur.isEmpty() && cur.getFirst().isKeyword("module");
    }

    private void skipSpace() {
        while (pos < src.length) {
            int b = src[pos] & 0xFF;
            if (b == ' ' || b == '\t' || b == '\r') pos++;
            else if (b == '\n') newline(++pos);
            else if (b == ';' && pos + 1 < src.length && src[pos + 1] == ';') {
                // A line comment ends at LF or CR (CR LF is one newline; the LF is consumed next round).
                while (pos < src.length && src[pos] != '\n' && src[pos] != '\r') pos++;
            } else if (b == '(' && pos + 1 < src.length && src[pos + 1] == ';') {
                blockComment();
            } else if (b >= 0x80 || b < 0x20 || b == 0x7F) {
                throw TextError.at(line, col(), b >= 0x80 ? "malformed UTF-8 encoding" : "illegal character");
            } else return;
        }
    }

    private void newline(int next) { line++; lineStart = next; }

    private void blockComment() {
        int l = line, c = col();
        int depth = 0;
        while (pos < src.length) {
            if (src[pos] == '(' && pos + 1 < src.length && src[pos + 1] == ';') {
                depth++;
                pos += 2;
            } else if (src[pos] == ';' && pos + 1 < src.length && src[pos + 1] == ')') {
                depth--;
                pos += 2;
                if (depth == 0) return;
            } else if (src[pos] == '\n') {
                newline(++pos);
            } else pos++;
        }
        throw TextError.at(l, c, "unclosed comment");
    }

    private SExpr atom(int l, int c) {
        int b = src[pos] & 0xFF;
        if (b == '"') {
            int start = pos;
            SExpr s = string(l, c);
            if (continues(pos) || (pos < src.length && src[pos] == '"')) return reservedRun(l, c, start);
            return s;
        }
        int start = pos;
        while (continues(pos)) pos++;
        if (pos == start) {
            pos++;
            throw TextError.at(l, c, b >= 0x80 ? "malformed UTF-8 encoding" : "illegal character");
        }
        if (pos < src.length && src[pos] == '"') {
            if (pos - start == 1 && src[start] == '$') {
                SExpr s = string(l, c);
                if (continues(pos) || (pos < src.length && src[pos] == '"')) return reservedRun(l, c, start);
                if (s.kind != SExpr.Kind.STRING) return s;
                if (s.bytes.length == 0) return reserved(l, c, start, "empty identifier");
                String name = s.problem == null ? new String(s.bytes, StandardCharsets.UTF_8) : null;
                return new SExpr(SExpr.Kind.ID, name == null ? "" : name, s.bytes, s.problem, null, l, c, false);
            }
            return reservedRun(l, c, start);
        }
        String text = new String(src, start, pos - start, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < text.length(); i++) {
            if (!idchar(text.charAt(i))) return new SExpr(SExpr.Kind.RESERVED, text, null, "unknown operator " + text, null, l, c, false);
        }
        char f = text.charAt(0);
        if (f == '$') {
            if (text.length() == 1) return new SExpr(SExpr.Kind.RESERVED, text, null, "unexpected token $", null, l, c, false);
            return new SExpr(SExpr.Kind.ID, text.substring(1), null, null, null, l, c, false);
        }
        if (f >= 'a' && f <= 'z') return new SExpr(SExpr.Kind.KEYWORD, text, null, null, null, l, c, false);
        if ((f >= '0' && f <= '9') || f == '+' || f == '-') return new SExpr(SExpr.Kind.NUM, text, null, null, null, l, c, false);
        return new SExpr(SExpr.Kind.RESERVED, text, null, "unknown operator " + text, null, l, c, false);
    }

    /** Consumes the rest of a token glued to a string ({@code "a"b}, {@code x"y"}): one reserved token. */
    private SExpr reservedRun(int l, int c, int start) {
        while (pos < src.length) {
            if (src[pos] == '"') string(l, c);
            else if (continues(pos)) pos++;
            else break;
        }
        return reserved(l, c, start, "unknown operator");
    }

    private SExpr reserved(int l, int c, int start, String why) {
        String text = new String(src, start, pos - start, StandardCharsets.ISO_8859_1);
        return new SExpr(SExpr.Kind.RESERVED, text, null, why, null, l, c, false);
    }

    /** A string literal at {@code pos}; a bad escape or character yields a RESERVED atom, an unclosed string fails. */
    private SExpr string(int l, int c) {
        int start = pos++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String bad = null;
        while (true) {
            if (pos >= src.length) throw TextError.at(l, c, "unclosed string");
            int b = src[pos] & 0xFF;
            if (b == '"') {
                pos++;
                break;
            }
            if (b == '\n') throw TextError.at(l, c, "unclosed string");
            if (b < 0x20 || b == 0x7F) {
                if (bad == null) bad = "illegal control character in string";
                pos++;
                continue;
            }
            if (b != '\\') {
                out.write(b);
                pos++;
                continue;
            }
            pos++;
            if (pos >= src.length) throw TextError.at(l, c, "unclosed string");
            int e = src[pos++] & 0xFF;
            switch (e) {
                case 't' -> out.write('\t');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case '"' -> out.write('"');
                case '\'' -> out.write('\'');
                case '\\' -> out.write('\\');
                case 'u' -> {
                    long v = -1;
                    if (pos < src.length && src[pos] == '{') {
                        int p = pos + 1;
                        long acc = 0;
                        boolean digits = false, lastUnderscore = false, ok = true;
                        while (p < src.length && src[p] != '}') {
                            int d = hex(src[p]);
                            if (src[p] == '_' && digits && !lastUnderscore) {
                                lastUnderscore = true;
                            } else if (d < 0) {
                                ok = false;
                                break;
                            } else {
                                acc = Math.min(acc * 16 + d, 0x200000);
                                digits = true;
                                lastUnderscore = false;
                            }
                            p++;
                        }
                        if (ok && digits && !lastUnderscore && p < src.length) {
                            pos = p + 1;
                            v = acc;
                        }
                    }
                    if (v < 0 || (v >= 0xD800 && v < 0xE000) || v >= 0x110000) {
                        if (bad == null) bad = "malformed unicode escape";
                    } else {
                        out.writeBytes(new String(Character.toChars((int) v)).getBytes(StandardCharsets.UTF_8));
                    }
                }
                default -> {
                    int h1 = hex(e), h2 = pos < src.length ? hex(src[pos]) : -1;
                    if (h1 >= 0 && h2 >= 0) {
                        out.write(h1 * 16 + h2);
                        pos++;
                    } else if (bad == null) bad = "illegal escape";
                }
            }
        }
        if (bad != null) return new SExpr(SExpr.Kind.RESERVED, new String(src, start, pos - start, StandardCharsets.ISO_8859_1), null, bad, null, l, c, false);
        byte[] bytes = out.toByteArray();
        return new SExpr(SExpr.Kind.STRING, null, bytes, validUtf8(bytes) ? null : "malformed UTF-8 encoding", null, l, c, false);
    }

    private static int hex(int b) {
        if (b >= '0' && b <= '9') return b - '0';
        if (b >= 'a' && b <= 'f') return b - 'a' + 10;
        if (b >= 'A' && b <= 'F') return b - 'A' + 10;
        return -1;
    }

    static boolean validUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            if (c < 0x80) { i++; continue; }
            int n, min;
            if (c >= 0xC2 && c <= 0xDF) { n = 1; min = 0x80; }
            else if (c >= 0xE0 && c <= 0xEF) { n = 2; min = 0x800; }
            else if (c >= 0xF0 && c <= 0xF4) { n = 3; min = 0x10000; }
            else return false;
            int v = c & (0x3F >> n);
            for (int k = 1; k <= n; k++) {
                if (i + k >= b.length) return false;
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) return false;
                v = v << 6 | (cc & 0x3F);
            }
            if (v < min || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)) return false;
            i += n + 1;
        }
        return true;
    }
}
