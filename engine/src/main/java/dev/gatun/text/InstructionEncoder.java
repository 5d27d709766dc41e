package dev.gatun.text;

import dev.gatun.model.Immediates;
import dev.gatun.model.Instruction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * Instructions, flat and folded, to their binary encoding. One instance per function body or constant
 * expression: it holds the local names and the label stack (a label's id shadows outer ones of the same
 * name). Nesting recurses, bounded by {@link #MAX_DEPTH} so that no input can overflow the Java stack.
 */
final class InstructionEncoder {
    static final int MAX_DEPTH = 1000;

    private final IdentifierContext ctx;
    private final Map<String, Integer> locals;
    /** A constant expression (no function around it): arithmetic or reading defined globals there is extended-const. */
    private final boolean constant;
    /** Innermost last; null for an unnamed label. */
    private final ArrayList<String> labels = new ArrayList<>();
    private int depth;

    InstructionEncoder(IdentifierContext ctx, Map<String, Integer> locals) {
        this.ctx = ctx;
        this.locals = locals == null ? new HashMap<>() : locals;
        this.constant = locals == null;
    }

    /** A whole body (function or constant expression): instructions to the end of the list, then {@code end}. */
    void body(ListCursor c, ByteWriter out) {
        seq(c, out);
        if (!c.atEnd()) throw TextError.at(c.peek(), "unexpected token " + c.peek());
        op(Instruction.END, out);
    }

    private static boolean terminator(SExpr s) {
        if (s.kind != SExpr.Kind.KEYWORD) return false;
        return switch (s.text) {
            case "end", "else", "catch", "catch_all", "delegate" -> true;
            default -> false;
        };
    }

    /** Instructions until the end of the list or a block terminator keyword (left unconsumed). */
    private void seq(ListCursor c, ByteWriter out) {
        while (!c.atEnd()) {
            SExpr s = c.peek();
            if (s.isList()) {
                c.next();
                folded(s, out);
            } else if (terminator(s)) {
                return;
            } else {
                SExpr op = c.next();
                if (op.kind != SExpr.Kind.KEYWORD) throw TextError.at(op, "unexpected token " + op);
                plain(op, c, out);
            }
        }
    }

    private void enter(SExpr where) {
        if (++depth > MAX_DEPTH) throw TextError.at(where, "nesting too deep");
    }

    private void pushLabel(SExpr id) { labels.add(id == null ? null : id.text); }

    private void popLabel() { labels.removeLast(); }

    private int label(SExpr a) {
        if (a.kind == SExpr.Kind.NUM) return Numbers.u32(a);
        if (a.kind == SExpr.Kind.ID) {
            for (int i = labels.size() - 1; i >= 0; i--)
                if (a.text.equals(labels.get(i))) return labels.size() - 1 - i;
            throw TextError.at(a, "unknown label $" + a.text);
        }
        throw TextError.at(a, a.kind == SExpr.Kind.RESERVED && a.problem != null ? a.problem : "unexpected token " + a + ", expected a label");
    }

    private int local(SExpr a) {
        if (a.kind == SExpr.Kind.ID) {
            Integer i = locals.get(a.text);
            if (i == null) throw TextError.at(a, "unknown local $" + a.text);
            return i;
        }
        if (a.kind == SExpr.Kind.NUM) return Numbers.u32(a);
        throw TextError.at(a, "unexpected token " + a + ", expected a local index");
    }

    private static void op(Instruction in, ByteWriter out) {
        if (in.prefix == 0) out.u8(in.code);
        else out.u8(in.prefix).u32(in.code);
    }

    /** The {@code end $l} of a flat block: its label goes out of scope and the nesting depth drops. */
    private void closeFlat(ListCursor c, SExpr label, ByteWriter out) {
        c.expectKeyword("end");
        matchLabel(c, label);
        popLabel();
        op(Instruction.END, out);
        depth--;
    }

    /** {@code end $l} / {@code else $l}: a trailing id must repeat the block's label. */
    private static void matchLabel(ListCursor c, SExpr label) {
        SExpr id = c.optId();
        if (id != null && (label == null || !label.text.equals(id.text))) throw TextError.at(id, "mismatching label");
    }

    /** A block type: {@code (type x)?}, params, results; one result or none without type encode inline. */
    private void blockType(ListCursor c, ByteWriter out) {
        SExpr typeRef = null;
        if (c.peekList("type")) {
            SExpr t = c.next();
            ListCursor tc = new ListCursor(t, 1);
            typeRef = tc.next();
            tc.expectEnd();
        }
        TypeUses.Inline in = TypeUses.inline(ctx, c, false);
        if (typeRef == null && in.nParams == 0 && in.nResults <= 1) {
            if (in.nResults == 0) out.u8(0x40);
            else out.bytes(in.results);
            return;
        }
        out.s64(TypeUses.resolve(ctx, typeRef, in).index());
    }

    private void folded(SExpr list, ByteWriter out) {
        enter(list);
        ListCursor c = new ListCursor(list, 0);
        SExpr op = c.next();
        if (op.kind != SExpr.Kind.KEYWORD) throw TextError.at(op, "unexpected token " + op);
        switch (op.text) {
            case "block", "loop" -> {
                SExpr label = c.optId();
                op(op.text.equals("block") ? Instruction.BLOCK : Instruction.LOOP, out);
                blockType(c, out);
                pushLabel(label);
                body(c, out);
                popLabel();
            }
            case "if" -> {
                SExpr label = c.optId();
                ByteWriter bt = new ByteWriter(8);
                blockType(c, bt);
                while (!c.atEnd() && c.peek().isList() && !c.peekList("then")) folded(c.next(), out);
                op(Instruction.IF, out);
                out.bytes(bt);
                pushLabel(label);
                SExpr then = c.expectList("then");
                ListCursor tc = new ListCursor(then, 1);
                seqAll(tc, out);
                if (c.peekList("else")) {
                    op(Instruction.ELSE, out);
                    seqAll(new ListCursor(c.next(), 1), out);
                }
                c.expectEnd();
                popLabel();
                op(Instruction.END, out);
            }
            case "try_table" -> {
                SExpr label = c.optId();
                ctx.features.add("exceptions");
                op(Instruction.TRY_TABLE, out);
                blockType(c, out);
                catches(c, out);
                pushLabel(label);
                body(c, out);
                popLabel();
            }
            case "try" -> {
                SExpr label = c.optId();
                ctx.features.add("legacy-exceptions");
                op(Instruction.TRY, out);
                blockType(c, out);
                pushLabel(label);
                seqAll(new ListCursor(c.expectList("do"), 1), out);
                boolean delegated = false;
                while (!c.atEnd()) {
                    SExpr k = c.next();
                    ListCursor kc = new ListCursor(k, 1);
                    if (k.isList("catch")) {
                        op(Instruction.CATCH, out);
                        out.u32(ctx.index(kc.next(), IdentifierContext.TAG));
                        seqAll(kc, out);
                    } else if (k.isList("catch_all")) {
                        op(Instruction.CATCH_ALL, out);
                        seqAll(kc, out);
                        c.expectEnd();
                    } else if (k.isList("delegate")) {
                        popLabel();
                        op(Instruction.DELEGATE, out);
                        out.u32(label(kc.next()));
                        kc.expectEnd();
                        c.expectEnd();
                        delegated = true;
                    } else throw TextError.at(k, "unexpected token " + k);
                }
                if (!delegated) {
                    popLabel();
                    op(Instruction.END, out);
                }
            }
            default -> {
                ByteWriter tmp = new ByteWriter(16);
                plain(op, c, tmp);
                while (!c.atEnd()) {
                    SExpr k = c.next();
                    if (!k.isList()) throw TextError.at(k, "unexpected token " + k);
                    folded(k, out);
                }
                out.bytes(tmp);
            }
        }
        depth--;
    }

    /** Instructions filling the rest of a list (then/else/do/catch bodies). */
    private void seqAll(ListCursor c, ByteWriter out) {
        seq(c, out);
        if (!c.atEnd()) throw TextError.at(c.peek(), "unexpected token " + c.peek());
    }

    private void catches(ListCursor c, ByteWriter out) {
        ByteWriter cs = new ByteWriter(16);
        int n = 0;
        while (true) {
            SExpr k = c.peek();
            if (k == null || !k.isList()) break;
            String h = k.head();
            int kind;
            if ("catch".equals(h)) kind = 0;
            else if ("catch_ref".equals(h)) kind = 1;
            else if ("catch_all".equals(h)) kind = 2;
            else if ("catch_all_ref".equals(h)) kind = 3;
            else break;
            c.next();
            ListCursor kc = new ListCursor(k, 1);
            cs.u8(kind);
            if (kind < 2) cs.u32(ctx.index(kc.next(), IdentifierContext.TAG));
            cs.u32(label(kc.next()));
            kc.expectEnd();
            n++;
        }
        out.u32(n).bytes(cs);
    }

    /** One flat instruction whose keyword {@code op} was consumed; block instructions take their body from {@code c}. */
    private void plain(SExpr op, ListCursor c, ByteWriter out) {
        String name = op.text;
        switch (name) {
            case "block", "loop" -> {
                enter(op);
                SExpr label = c.optId();
                op(name.equals("block") ? Instruction.BLOCK : Instruction.LOOP, out);
                blockType(c, out);
                pushLabel(label);
                seq(c, out);
                closeFlat(c, label, out);
                return;
            }
            case "if" -> {
                enter(op);
                SExpr label = c.optId();
                op(Instruction.IF, out);
                blockType(c, out);
                pushLabel(label);
                seq(c, out);
                if (c.keyword("else")) {
                    matchLabel(c, label);
                    op(Instruction.ELSE, out);
                    seq(c, out);
                }
                closeFlat(c, label, out);
                return;
            }
            case "try_table" -> {
                enter(op);
                SExpr label = c.optId();
                ctx.features.add("exceptions");
                op(Instruction.TRY_TABLE, out);
                blockType(c, out);
                catches(c, out);
                pushLabel(label);
                seq(c, out);
                closeFlat(c, label, out);
                return;
            }
            case "try" -> {
                enter(op);
                SExpr label = c.optId();
                op(Instruction.TRY, out);
                blockType(c, out);
                pushLabel(label);
                seq(c, out);
                while (c.peekKeyword("catch")) {
                    c.next();
                    op(Instruction.CATCH, out);
                    out.u32(ctx.index(c.next(), IdentifierContext.TAG));
                    seq(c, out);
                }
                if (c.keyword("catch_all")) {
                    op(Instruction.CATCH_ALL, out);
                    seq(c, out);
                }
                if (c.keyword("delegate")) {
                    popLabel();
                    op(Instruction.DELEGATE, out);
                    out.u32(label(c.next()));
                } else {
                    c.expectKeyword("end");
                    matchLabel(c, label);
                    popLabel();
                    op(Instruction.END, out);
                }
                depth--;
                ctx.features.add("legacy-exceptions");
                return;
            }
            case "select" -> {
                if (c.peekList("result")) {
                    ByteWriter ts = new ByteWriter(4);
                    int n = 0;
                    while (c.peekList("result")) {
                        ListCursor rc = new ListCursor(c.next(), 1);
                        while (!rc.atEnd()) {
                            ctx.valType(rc.next(), ts);
                            n++;
                        }
                    }
                    op(Instruction.SELECT_T, out);
                    out.u32(n).bytes(ts);
                } else op(Instruction.SELECT, out);
                return;
            }
            case "ref.test", "ref.cast", "ref.cast_desc_eq" -> {
                ByteWriter rt = new ByteWriter(4);
                SExpr t = c.next();
                boolean nullable = refTypeHeap(t, rt);
                op(switch (name) {
                    case "ref.test" -> nullable ? Instruction.REF_TEST_NULL : Instruction.REF_TEST;
                    case "ref.cast" -> nullable ? Instruction.REF_CAST_NULL : Instruction.REF_CAST;
                    default -> nullable ? Instruction.REF_CAST_DESC_EQ_NULL : Instruction.REF_CAST_DESC_EQ;
                }, out);
                out.bytes(rt);
                ctx.features.add("gc");
                return;
            }
            default -> { }
        }
        Instruction in = Instruction.byText(name);
        if (in == null || in == Instruction.END || in == Instruction.ELSE || in == Instruction.CATCH
                || in == Instruction.CATCH_ALL || in == Instruction.DELEGATE)
            throw TextError.at(op, "unknown operator " + name);
        noteFeature(in);
        if (constant) {
            switch (in) {
                case I32_ADD, I32_SUB, I32_MUL, I64_ADD, I64_SUB, I64_MUL -> ctx.features.add("extended-const");
                default -> { }
            }
        }
        op(in, out);
        immediates(in, op, c, out);
    }

    private void noteFeature(Instruction in) {
        switch (in.feature) {
            case MVP, SIGN_EXTENSION, SAT_CONVERSIONS, BULK_MEMORY, REFERENCE_TYPES, SIMD -> { }
            default -> ctx.features.add(in.feature.name().toLowerCase().replace('_', '-'));
        }
    }

    /** A reference type as {@code ref.test}/{@code ref.cast} take it: writes only the heap type, returns nullability. */
    private boolean refTypeHeap(SExpr t, ByteWriter out) {
        if (t.isList("ref")) {
            ListCursor rc = new ListCursor(t, 1);
            boolean nullable = rc.keyword("null");
            ctx.heapType(rc.next(), out);
            rc.expectEnd();
            return nullable;
        }
        ByteWriter b = new ByteWriter(2);
        ctx.refType(t, b);
        out.bytes(b);
        return true;
    }

    private void immediates(Instruction in, SExpr op, ListCursor c, ByteWriter out) {
        switch (in.immediates) {
            case NONE -> { }
            case BLOCKTYPE -> throw TextError.at(op, "unexpected block instruction");
            case LABEL -> out.u32(label(c.next()));
            case BR_TABLE -> {
                ArrayList<Integer> ls = new ArrayList<>();
                while (c.peekIndex()) ls.add(label(c.next()));
                if (ls.isEmpty()) throw TextError.at(op, "unexpected token, expected a label");
                out.u32(ls.size() - 1);
                for (int l : ls) out.u32(l);
            }
            case FUNC -> out.u32(ctx.index(c.next(), IdentifierContext.FUNC));
            case LOCAL -> out.u32(local(c.next()));
            case GLOBAL -> {
                int g = ctx.index(c.next(), IdentifierContext.GLOBAL);
                if (constant && g >= ctx.importedGlobals) ctx.features.add("extended-const");
                out.u32(g);
            }
            case TABLE -> out.u32(c.peekIndex() ? ctx.index(c.next(), IdentifierContext.TABLE) : 0);
            case MEMORY -> out.u32(optMem(c));
            case TAG -> out.u32(ctx.index(c.next(), IdentifierContext.TAG));
            case TYPE -> out.u32(ctx.index(c.next(), IdentifierContext.TYPE));
            case DATA -> {
                ctx.usesDataIndex = true;
                out.u32(ctx.index(c.next(), IdentifierContext.DATA));
            }
            case ELEM -> out.u32(ctx.index(c.next(), IdentifierContext.ELEM));
            case TYPE_TABLE -> {
                int table = c.peekIndex() ? ctx.index(c.next(), IdentifierContext.TABLE) : 0;
                TypeUses.Use u = TypeUses.use(ctx, c, false);
                out.u32(u.index()).u32(table);
            }
            case HEAPTYPE -> ctx.heapType(c.next(), out);
            case MEMARG -> memarg(in, c, out, optMem(c));
            case MEMARG_LANE -> {
                int mem = 0;
                SExpr a = c.peek(), b = c.peek(1);
                if (a != null && (a.kind == SExpr.Kind.ID || (a.kind == SExpr.Kind.NUM && b != null
                        && (b.kind == SExpr.Kind.NUM || b.kind == SExpr.Kind.ID || isMemargKey(b)))))
                    mem = ctx.index(c.next(), IdentifierContext.MEM);
                if (mem != 0) ctx.features.add("multi-memory");
                memarg(in, c, out, mem);
                out.u8(lane(c.next()));
            }
            case LANE -> out.u8(lane(c.next()));
            case SHUFFLE -> {
                for (int k = 0; k < 16; k++) out.u8(lane(c.next()));
            }
            case I32 -> out.s32((int) Numbers.integer(c.next(), 32));
            case I64 -> out.s64(Numbers.integer(c.next(), 64));
            case F32 -> out.le32(Numbers.f32(c.next()));
            case F64 -> out.le64(Numbers.f64(c.next()));
            case V128 -> v128(c, out);
            case DATA_MEMORY -> {
                ctx.usesDataIndex = true;
                SExpr a = c.next();
                if (c.peekIndex()) {
                    int mem = ctx.index(a, IdentifierContext.MEM);
                    out.u32(ctx.index(c.next(), IdentifierContext.DATA)).u32(mem);
                } else out.u32(ctx.index(a, IdentifierContext.DATA)).u32(0);
            }
            case MEMORY_MEMORY -> {
                if (c.peekIndex()) {
                    out.u32(ctx.index(c.next(), IdentifierContext.MEM)).u32(ctx.index(c.next(), IdentifierContext.MEM));
                } else out.u32(0).u32(0);
            }
            case ELEM_TABLE -> {
                SExpr a = c.next();
                if (c.peekIndex()) {
                    int table = ctx.index(a, IdentifierContext.TABLE);
                    out.u32(ctx.index(c.next(), IdentifierContext.ELEM)).u32(table);
                } else out.u32(ctx.index(a, IdentifierContext.ELEM)).u32(0);
            }
            case TABLE_TABLE -> {
                if (c.peekIndex()) {
                    out.u32(ctx.index(c.next(), IdentifierContext.TABLE)).u32(ctx.index(c.next(), IdentifierContext.TABLE));
                } else out.u32(0).u32(0);
            }
            case TYPE_FIELD -> {
                int t = ctx.index(c.next(), IdentifierContext.TYPE);
                out.u32(t);
                SExpr f = c.next();
                if (f.kind == SExpr.Kind.ID) {
                    IdentifierContext.TypeInfo ti = ctx.type(t, f);
                    Integer fi = ti == null ? null : ti.fieldNames.get(f.text);
                    if (fi == null) throw TextError.at(f, "unknown field $" + f.text);
                    out.u32(fi);
                } else out.u32(Numbers.u32(f));
            }
            case TYPE_COUNT -> out.u32(ctx.index(c.next(), IdentifierContext.TYPE)).u32(Numbers.u32(c.next()));
            case TYPE_DATA -> {
                ctx.usesDataIndex = true;
                out.u32(ctx.index(c.next(), IdentifierContext.TYPE)).u32(ctx.index(c.next(), IdentifierContext.DATA));
            }
            case TYPE_ELEM -> out.u32(ctx.index(c.next(), IdentifierContext.TYPE)).u32(ctx.index(c.next(), IdentifierContext.ELEM));
            case TYPE_TYPE -> out.u32(ctx.index(c.next(), IdentifierContext.TYPE)).u32(ctx.index(c.next(), IdentifierContext.TYPE));
            case BR_ON_CAST -> {
                int l = label(c.next());
                ByteWriter h1 = new ByteWriter(4), h2 = new ByteWriter(4);
                boolean n1 = refTypeHeap(c.next(), h1), n2 = refTypeHeap(c.next(), h2);
                out.u8((n1 ? 1 : 0) | (n2 ? 2 : 0)).u32(l).bytes(h1).bytes(h2);
            }
            case ZERO_BYTE -> out.u8(0);
            case TRY_TABLE, SELECT_TYPES -> throw TextError.at(op, "unexpected instruction form");
        }
    }

    private static boolean isMemargKey(SExpr s) {
        return s.kind == SExpr.Kind.KEYWORD && (s.text.startsWith("offset=") || s.text.startsWith("align="));
    }

    private int optMem(ListCursor c) {
        if (!c.peekIndex()) return 0;
        int m = ctx.index(c.next(), IdentifierContext.MEM);
        if (m != 0) ctx.features.add("multi-memory");
        return m;
    }

    private static int lane(SExpr a) { return (int) Numbers.nat(a, 255); }

    private void memarg(Instruction in, ListCursor c, ByteWriter out, int mem) {
        long offset = 0;
        int align = in.naturalAlignment();
        SExpr k = c.peek();
        if (k != null && k.kind == SExpr.Kind.KEYWORD && k.text.startsWith("offset=")) {
            c.next();
            offset = Numbers.nat(sub(k, 7), -1L); // the range of an i32 memory's offset is validation's check (3.0)
            k = c.peek();
        }
        if (k != null && k.kind == SExpr.Kind.KEYWORD && k.text.startsWith("align=")) {
            c.next();
            long a = Numbers.nat(sub(k, 6), -1L); // a too large alignment is invalid, not malformed
            if (a == 0 || (a & (a - 1)) != 0) throw TextError.at(k, "alignment must be a power of two");
            align = Long.numberOfTrailingZeros(a);
        }
        if (mem != 0) out.u32(align | 0x40).u32(mem);
        else out.u32(align);
        out.u64(offset);
    }

    /** The number after {@code offset=} / {@code align=} as an atom of its own. */
    private static SExpr sub(SExpr k, int from) {
        String t = k.text.substring(from);
        SExpr.Kind kind = !t.isEmpty() && t.charAt(0) >= '0' && t.charAt(0) <= '9' ? SExpr.Kind.NUM : SExpr.Kind.RESERVED;
        return new SExpr(kind, t, null, "unknown operator " + k.text, null, k.line, k.col + from, false);
    }

    private void v128(ListCursor c, ByteWriter out) {
        SExpr shape = c.next();
        if (shape.kind != SExpr.Kind.KEYWORD) throw TextError.at(shape, "unexpected token " + shape + ", expected a vector shape");
        switch (shape.text) {
            case "i8x16" -> { for (int k = 0; k < 16; k++) out.u8((int) Numbers.integer(c.next(), 8)); }
            case "i16x8" -> {
                for (int k = 0; k < 8; k++) {
                    int v = (int) Numbers.integer(c.next(), 16);
                    out.u8(v).u8(v >> 8);
                }
            }
            case "i32x4" -> { for (int k = 0; k < 4; k++) out.le32((int) Numbers.integer(c.next(), 32)); }
            case "i64x2" -> { for (int k = 0; k < 2; k++) out.le64(Numbers.integer(c.next(), 64)); }
            case "f32x4" -> { for (int k = 0; k < 4; k++) out.le32(Numbers.f32(c.next())); }
            case "f64x2" -> { for (int k = 0; k < 2; k++) out.le64(Numbers.f64(c.next())); }
            default -> throw TextError.at(shape, "unexpected token " + shape.text + ", expected a vector shape");
        }
    }
}
