package dev.gatun.text;

import dev.gatun.model.Instruction;

import java.util.ArrayList;
import java.util.List;

import static dev.gatun.text.PrintNames.*;

/**
 * Decodes one expression (a function body or a constant expression, up to its final {@code end}) into
 * {@link PrintNode}s, using the instruction table for every opcode and immediate shape.
 */
final class PrintCode {
    private final TextPrinter m;
    private final PrintCursor c;
    private final boolean folded;
    /** The function whose locals and labels are named, or -1 for a constant expression. */
    private final long func;
    private int labels;

    PrintCode(TextPrinter module, PrintCursor cursor, boolean folded, long func) {
        this.m = module;
        this.c = cursor;
        this.folded = folded;
        this.func = func;
    }

    /** A block under construction: its node, and the instruction list being filled (body, else, or a handler). */
    private record Frame(PrintNode node, List<PrintNode> list) {}

    List<PrintNode> read() {
        List<PrintNode> root = new ArrayList<>();
        List<Frame> stack = new ArrayList<>();
        List<PrintNode> list = root;
        while (true) {
            int at = c.pos;
            int b = c.u8();
            Instruction ins = Instruction.isPrefix(b) ? Instruction.prefixed(b, c.u32L()) : Instruction.single(b);
            if (ins == null) throw PrintCursor.malformedAt(at, "illegal opcode");
            Frame top = stack.isEmpty() ? null : stack.getLast();
            switch (ins) {
                case END -> {
                    if (top == null) return root;
                    stack.removeLast();
                    list = stack.isEmpty() ? root : stack.getLast().list();
                }
                case ELSE -> {
                    if (top == null || top.node().kind != PrintNode.IF || top.node().alt != null)
                        throw PrintCursor.malformedAt(at, "else without if");
                    top.node().alt = new ArrayList<>();
                    list = top.node().alt;
                    stack.set(stack.size() - 1, new Frame(top.node(), list));
                }
                case CATCH, CATCH_ALL -> {
                    if (top == null || top.node().kind != PrintNode.TRY) throw PrintCursor.malformedAt(at, "catch without try");
                    String head = ins == Instruction.CATCH ? "catch " + ref(TAG, c.u32L()) : "catch_all";
                    list = new ArrayList<>();
                    top.node().clauseHeads.add(head);
                    top.node().clauseBodies.add(list);
                    stack.set(stack.size() - 1, new Frame(top.node(), list));
                }
                case DELEGATE -> {
                    if (top == null || top.node().kind != PrintNode.TRY || !top.node().clauseHeads.isEmpty())
                        throw PrintCursor.malformedAt(at, "delegate without try");
                    top.node().delegate = "delegate " + c.u32L();
                    stack.removeLast();
                    list = stack.isEmpty() ? root : stack.getLast().list();
                }
                case BLOCK, LOOP, IF, TRY, TRY_TABLE -> {
                    PrintNode n = block(ins);
                    if (ins == Instruction.IF) fold(list, n, 1);
                    list.add(n);
                    stack.add(new Frame(n, n.body));
                    list = n.body;
                }
                default -> plain(ins, list);
            }
        }
    }

    private PrintNode block(Instruction ins) {
        StringBuilder h = new StringBuilder(ins.text);
        String label = func >= 0 ? m.names.id(LABEL, func, labels) : null;
        labels++;
        if (label != null) h.append(' ').append(label);
        int results = blockType(h);
        int kind = switch (ins) {
            case IF -> PrintNode.IF;
            case TRY -> PrintNode.TRY;
            case TRY_TABLE -> PrintNode.TRY_TABLE;
            default -> PrintNode.BLOCK;
        };
        if (ins == Instruction.TRY_TABLE) {
            int n = c.count();
            for (int i = 0; i < n; i++) {
                int at = c.pos;
                int k = c.u8();
                switch (k) {
                    case 0 -> h.append(" (catch ").append(ref(TAG, c.u32L())).append(' ').append(c.u32L()).append(')');
                    case 1 -> h.append(" (catch_ref ").append(ref(TAG, c.u32L())).append(' ').append(c.u32L()).append(')');
                    case 2 -> h.append(" (catch_all ").append(c.u32L()).append(')');
                    case 3 -> h.append(" (catch_all_ref ").append(c.u32L()).append(')');
                    default -> throw PrintCursor.malformedAt(at, "malformed catch clause");
                }
            }
        }
        PrintNode n = new PrintNode(kind, h.toString(), results == 1);
        if (kind == PrintNode.TRY) {
            n.clauseHeads = new ArrayList<>();
            n.clauseBodies = new ArrayList<>();
        }
        return n;
    }

    /** Appends a block type's text and returns its result count (-1 if unknown). */
    private int blockType(StringBuilder h) {
        int b = c.peek();
        if (b == 0x40) {
            c.pos++;
            return 0;
        }
        if (TextPrinter.startsValType(b)) {
            h.append(" (result ").append(m.valType(c)).append(')');
            return 1;
        }
        int at = c.pos;
        long idx = c.s33();
        if (idx < 0) throw PrintCursor.malformedAt(at, "malformed block type");
        h.append(" (type ").append(ref(TYPE, idx)).append(')');
        TextPrinter.TypeInfo t = m.type(idx);
        return t != null && t.params() == 0 ? t.results() : -1;
    }

    private void plain(Instruction ins, List<PrintNode> list) {
        StringBuilder h = new StringBuilder(ins.text);
        long a = -1, b = -1;
        switch (ins.immediates) {
            case NONE -> { }
            case LABEL -> h.append(' ').append(a = c.u32L());
            case BR_TABLE -> {
                int n = c.count();
                for (int i = 0; i <= n; i++) h.append(' ').append(c.u32L());
            }
            case FUNC -> h.append(' ').append(ref(FUNC, a = c.u32L()));
            case LOCAL -> h.append(' ').append(local(c.u32L()));
            case GLOBAL -> h.append(' ').append(ref(GLOBAL, c.u32L()));
            case TABLE -> h.append(' ').append(ref(TABLE, c.u32L()));
            case MEMORY -> index(h, MEMORY, c.u32L());
            case TAG -> h.append(' ').append(ref(TAG, a = c.u32L()));
            case TYPE -> h.append(' ').append(ref(TYPE, a = c.u32L()));
            case DATA -> h.append(' ').append(ref(DATA, c.u32L()));
            case ELEM -> h.append(' ').append(ref(ELEM, c.u32L()));
            case TYPE_TABLE -> {
                a = c.u32L();
                index(h, TABLE, c.u32L());
                h.append(" (type ").append(ref(TYPE, a)).append(')');
            }
            case SELECT_TYPES -> {
                int n = c.count();
                h.append(" (result");
                for (int i = 0; i < n; i++) h.append(' ').append(m.valType(c));
                h.append(')');
            }
            case HEAPTYPE -> {
                String ht = m.heapType(c);
                switch (ins) {
                    case REF_TEST, REF_CAST -> h.append(" (ref ").append(ht).append(')');
                    case REF_TEST_NULL, REF_CAST_NULL -> h.append(" (ref null ").append(ht).append(')');
                    default -> h.append(' ').append(ht);
                }
            }
            case MEMARG -> memarg(h, ins);
            case MEMARG_LANE -> {
                memarg(h, ins);
                h.append(' ').append(c.u8());
            }
            case LANE -> h.append(' ').append(c.u8());
            case SHUFFLE -> {
                for (int i = 0; i < 16; i++) h.append(' ').append(c.u8());
            }
            case I32 -> h.append(' ').append(c.s32());
            case I64 -> h.append(' ').append(c.s64());
            case F32 -> h.append(' ').append(PrintText.f32(c.i32le()));
            case F64 -> h.append(' ').append(PrintText.f64(c.i64le()));
            case V128 -> {
                h.append(" i32x4");
                for (int i = 0; i < 4; i++) h.append(" 0x").append(String.format("%08x", c.i32le()));
            }
            case DATA_MEMORY -> {
                m.usesDataCount(c.pos);
                long data = c.u32L();
                index(h, MEMORY, c.u32L());
                h.append(' ').append(ref(DATA, data));
            }
            case MEMORY_MEMORY -> {
                long dst = c.u32L(), src = c.u32L();
                if (dst != 0 || src != 0) h.append(' ').append(ref(MEMORY, dst)).append(' ').append(ref(MEMORY, src));
            }
            case ELEM_TABLE -> {
                long elem = c.u32L();
                index(h, TABLE, c.u32L());
                h.append(' ').append(ref(ELEM, elem));
            }
            case TABLE_TABLE -> {
                long dst = c.u32L(), src = c.u32L();
                if (dst != 0 || src != 0) h.append(' ').append(ref(TABLE, dst)).append(' ').append(ref(TABLE, src));
            }
            case TYPE_FIELD -> {
                a = c.u32L();
                long field = c.u32L();
                String id = m.names.id(FIELD, a, field);
                h.append(' ').append(ref(TYPE, a)).append(' ').append(id != null ? id : Long.toString(field));
            }
            case TYPE_COUNT -> h.append(' ').append(ref(TYPE, c.u32L())).append(' ').append(b = c.u32L());
            case TYPE_DATA -> h.append(' ').append(ref(TYPE, c.u32L())).append(' ').append(ref(DATA, c.u32L()));
            case TYPE_ELEM -> h.append(' ').append(ref(TYPE, c.u32L())).append(' ').append(ref(ELEM, c.u32L()));
            case TYPE_TYPE -> h.append(' ').append(ref(TYPE, c.u32L())).append(' ').append(ref(TYPE, c.u32L()));
            case BR_ON_CAST -> {
                int at = c.pos;
                int flags = c.u8();
                if (flags > 3) throw PrintCursor.malformedAt(at, "malformed cast flags");
                h.append(' ').append(c.u32L());
                String from = m.heapType(c), to = m.heapType(c);
                h.append((flags & 1) != 0 ? " (ref null " : " (ref ").append(from).append(')');
                h.append((flags & 2) != 0 ? " (ref null " : " (ref ").append(to).append(')');
            }
            case ZERO_BYTE -> {
                int at = c.pos;
                if (c.u8() != 0) throw PrintCursor.malformedAt(at, "zero byte expected");
            }
            default -> throw new IllegalStateException("immediates " + ins.immediates + " of " + ins);
        }
        if (ins == Instruction.DATA_DROP) m.usesDataCount(c.pos);
        int[] io = arity(ins, a, b);
        PrintNode n = new PrintNode(PrintNode.PLAIN, h.toString(), io[1] == 1);
        fold(list, n, io[0]);
        list.add(n);
    }

    /** In folded form, moves up to {@code operands} single-value instructions ending {@code list} under {@code n}. */
    private void fold(List<PrintNode> list, PrintNode n, int operands) {
        if (!folded || operands <= 0) return;
        int from = list.size();
        while (from > 0 && list.size() - from < operands && list.get(from - 1).operand) from--;
        if (from == list.size()) return;
        List<PrintNode> tail = list.subList(from, list.size());
        n.kids.addAll(tail);
        tail.clear();
    }

    private void memarg(StringBuilder h, Instruction ins) {
        int at = c.pos;
        long flags = c.u32L();
        if (flags >= 128) throw PrintCursor.malformedAt(at, "malformed memop flags");
        long mem = (flags & 0x40) != 0 ? c.u32L() : 0;
        int align = (int) (flags & 0x3F);
        // Wasm 3.0 encodes every offset as a u64 (a 32-bit memory's is validated to fit 32 bits).
        long offset = c.u64();
        index(h, MEMORY, mem);
        if (offset != 0) h.append(" offset=").append(Long.toUnsignedString(offset));
        if (align != ins.naturalAlignment()) h.append(" align=").append(Long.toUnsignedString(1L << align));
    }

    /**
     * An index that the text may omit when it is 0: the table of call_indirect and table.init (named if it
     * has a name), and memories (never written when 0, so single-memory text reads as in Wasm 2.0).
     */
    private void index(StringBuilder h, int space, long idx) {
        String id = m.names.id(space, idx);
        if (idx == 0 && (id == null || space == MEMORY)) return;
        h.append(' ').append(id != null ? id : Long.toString(idx));
    }

    private String ref(int space, long idx) {
        String id = m.names.id(space, idx);
        return id != null ? id : Long.toString(idx);
    }

    private String local(long idx) {
        String id = func >= 0 ? m.names.id(LOCAL, func, idx) : null;
        return id != null ? id : Long.toString(idx);
    }

    /**
     * Operands to fold and results ({@code {in, out}}) where they are known from the table or the module;
     * unknown counts fold nothing. Only readability depends on them, never the bytes.
     */
    private int[] arity(Instruction ins, long a, long b) {
        if (ins.params != null) return new int[] {ins.params.length(), ins.results.length()};
        String t = ins.text;
        switch (ins.immediates) {
            case MEMARG, MEMARG_LANE -> {
                boolean lane = ins.immediates == dev.gatun.model.Immediates.MEMARG_LANE;
                if (t.startsWith("memory.atomic.wait")) return new int[] {3, 1};
                if (t.startsWith("memory.atomic.notify")) return new int[] {2, 1};
                if (t.contains("cmpxchg")) return new int[] {3, 1};
                if (t.contains(".rmw")) return new int[] {2, 1};
                if (t.contains("store")) return new int[] {2, 0};
                return new int[] {lane ? 2 : 1, 1};
            }
            default -> { }
        }
        return switch (ins) {
            case LOCAL_GET, GLOBAL_GET, MEMORY_SIZE, TABLE_SIZE, REF_NULL, REF_FUNC, STRUCT_NEW_DEFAULT -> new int[] {0, 1};
            case LOCAL_SET, GLOBAL_SET, DROP, THROW_REF -> new int[] {1, 0};
            case LOCAL_TEE, MEMORY_GROW, TABLE_GET, REF_IS_NULL, REF_AS_NON_NULL, ARRAY_NEW_DEFAULT, STRUCT_GET,
                 STRUCT_GET_S, STRUCT_GET_U, ARRAY_LEN, REF_TEST, REF_TEST_NULL, REF_CAST, REF_CAST_NULL,
                 ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY, REF_I31, I31_GET_S, I31_GET_U -> new int[] {1, 1};
            case TABLE_SET, STRUCT_SET -> new int[] {2, 0};
            case TABLE_GROW, REF_EQ, ARRAY_NEW, ARRAY_NEW_DATA, ARRAY_NEW_ELEM, ARRAY_GET, ARRAY_GET_S,
                 ARRAY_GET_U -> new int[] {2, 1};
            case SELECT, SELECT_T -> new int[] {3, 1};
            case MEMORY_FILL, MEMORY_COPY, MEMORY_INIT, TABLE_FILL, TABLE_COPY, TABLE_INIT, ARRAY_SET -> new int[] {3, 0};
            case ARRAY_FILL, ARRAY_INIT_DATA, ARRAY_INIT_ELEM -> new int[] {4, 0};
            case ARRAY_COPY -> new int[] {5, 0};
            case BR_IF, BR_TABLE, BR_ON_NULL, BR_ON_NON_NULL, BR_ON_CAST, BR_ON_CAST_FAIL -> new int[] {1, -1};
            case ARRAY_NEW_FIXED -> new int[] {(int) Math.min(b, 1000), 1};
            case STRUCT_NEW -> {
                TextPrinter.TypeInfo ti = m.type(a);
                yield new int[] {ti == null ? 0 : ti.fields(), 1};
            }
            case CALL, RETURN_CALL -> callArity(m.funcType(a), 0, ins == Instruction.RETURN_CALL);
            case CALL_INDIRECT, RETURN_CALL_INDIRECT, CALL_REF, RETURN_CALL_REF ->
                    callArity(m.type(a), 1, ins == Instruction.RETURN_CALL_INDIRECT || ins == Instruction.RETURN_CALL_REF);
            case THROW -> callArity(m.tagType(a), 0, true);
            default -> new int[] {0, -1};
        };
    }

    private static int[] callArity(TextPrinter.TypeInfo t, int extra, boolean tail) {
        if (t == null || t.params() < 0) return new int[] {extra, -1};
        return new int[] {t.params() + extra, tail ? -1 : t.results()};
    }
}
