package dev.gatun.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What the public API does not describe, read from the binary itself: section offsets and sizes, global
 * initialisers, segment modes, offsets and contents, code body sizes. Only for modules that already
 * validated, so it decodes without checking; a surprise ends the section being read, not the command.
 */
record ModuleSections(List<Section> sections, List<String> globalInits, List<Elem> elements, List<Data> datas,
                      List<Body> bodies) {
    /** One section: its id, its name (a custom section's own name), where its contents start and their size. */
    record Section(int id, String name, int offset, int size) {}

    /** An element segment: mode (active, passive, declarative), table and offset expression when active, its items. */
    record Elem(String mode, Integer table, String offset, String type, int count, List<String> items) {}

    /** A data segment: mode, memory and offset expression when active, its bytes. */
    record Data(String mode, Integer memory, String offset, int offsetInFile, byte[] bytes) {}

    /** One function body of the code section, in definition order: where it starts and its size. */
    record Body(int offset, int size) {}

    static final String[] NAMES = {"custom", "type", "import", "function", "table", "memory", "global", "export",
            "start", "element", "code", "data", "datacount", "tag"};

    static ModuleSections parse(byte[] b) {
        List<Section> sections = new ArrayList<>();
        List<String> globals = new ArrayList<>();
        List<Elem> elems = new ArrayList<>();
        List<Data> datas = new ArrayList<>();
        List<Body> bodies = new ArrayList<>();
        Reader r = new Reader(b, 8);
        while (r.pos < b.length) {
            int id = r.u8();
            int size = r.u32();
            int start = r.pos;
            String name = id < NAMES.length ? NAMES[id] : "unknown " + id;
            if (id == 0) name = new Reader(b, start).name();
            sections.add(new Section(id, name, start, size));
            try {
                Reader s = new Reader(b, start);
                switch (id) {
                    case 6 -> globals(s, globals);
                    case 9 -> elements(s, elems);
                    case 10 -> code(s, bodies);
                    case 11 -> data(s, datas);
                    default -> { }
                }
            } catch (RuntimeException e) {
                // Validated modules do not get here; if one does, what was read so far is still shown.
            }
            r.pos = start + size;
        }
        return new ModuleSections(sections, globals, elems, datas, bodies);
    }

    private static void globals(Reader r, List<String> out) {
        for (int n = r.u32(); n > 0; n--) {
            r.valType();
            r.u8(); // mutability
            out.add(r.expr());
        }
    }

    private static void elements(Reader r, List<Elem> out) {
        for (int n = r.u32(); n > 0; n--) {
            int flags = r.u32();
            String mode = (flags & 1) == 0 ? "active" : (flags & 2) == 0 ? "passive" : "declarative";
            Integer table = null;
            String offset = null;
            if ((flags & 1) == 0) {
                table = (flags & 2) != 0 ? r.u32() : 0;
                offset = r.expr();
            }
            boolean exprs = (flags & 4) != 0;
            String type = "funcref";
            if ((flags & 3) != 0) {
                if (exprs) type = r.valType();
                else r.u8(); // elemkind 0x00: funcref
            }
            int count = r.u32();
            List<String> items = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String item = exprs ? r.expr() : "func " + r.u32();
                if (items.size() < ITEMS_SHOWN) items.add(item);
            }
            out.add(new Elem(mode, table, offset, type, count, items));
        }
    }

    /** Segment items listed; the rest are counted. */
    static final int ITEMS_SHOWN = 8;

    private static void code(Reader r, List<Body> out) {
        for (int n = r.u32(); n > 0; n--) {
            int size = r.u32();
            out.add(new Body(r.pos, size));
            r.pos += size;
        }
    }

    private static void data(Reader r, List<Data> out) {
        for (int n = r.u32(); n > 0; n--) {
            int flags = r.u32();
            Integer memory = null;
            String offset = null;
            if (flags != 1) {
                memory = flags == 2 ? r.u32() : 0;
                offset = r.expr();
            }
            int size = r.u32();
            byte[] bytes = java.util.Arrays.copyOfRange(r.b, r.pos, r.pos + size);
            out.add(new Data(flags == 1 ? "passive" : "active", memory, offset, r.pos, bytes));
            r.pos += size;
        }
    }

    /** LEB128 and constant expressions over the module's bytes. */
    private static final class Reader {
        final byte[] b;
        int pos;

        Reader(byte[] b, int pos) { this.b = b; this.pos = pos; }

        int u8() { return b[pos++] & 0xff; }

        int u32() { return (int) uleb(); }

        long uleb() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                int x = u8();
                v |= (long) (x & 0x7f) << shift;
                if ((x & 0x80) == 0) return v;
            }
        }

        long sleb() {
            long v = 0;
            int shift = 0, x;
            do {
                x = u8();
                v |= (long) (x & 0x7f) << shift;
                shift += 7;
            } while ((x & 0x80) != 0);
            return shift < 64 && (x & 0x40) != 0 ? v | (-1L << shift) : v;
        }

        String name() {
            int n = u32();
            String s = new String(b, pos, n, java.nio.charset.StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        String valType() {
            int t = u8();
            return switch (t) {
                case 0x7f -> "i32";
                case 0x7e -> "i64";
                case 0x7d -> "f32";
                case 0x7c -> "f64";
                case 0x7b -> "v128";
                case 0x70 -> "funcref";
                case 0x6f -> "externref";
                case 0x63, 0x64 -> "(ref " + (t == 0x63 ? "null " : "") + heapType(sleb()) + ")";
                default -> String.format("type 0x%02x", t);
            };
        }

        private static String heapType(long h) {
            return h >= 0 ? Long.toString(h) : switch ((int) (h & 0x7f)) {
                case 0x70 -> "func";
                case 0x6f -> "extern";
                default -> "heap " + h;
            };
        }

        /** A constant expression up to its end, in the text format: "i32.const 42", "global.get 0". */
        String expr() {
            StringBuilder sb = new StringBuilder();
            while (true) {
                int op = u8();
                if (op == 0x0b) return sb.toString();
                if (!sb.isEmpty()) sb.append(' ');
                switch (op) {
                    case 0x41 -> sb.append("i32.const ").append((int) sleb());
                    case 0x42 -> sb.append("i64.const ").append(sleb());
                    case 0x43 -> sb.append("f32.const ").append(Float.intBitsToFloat(le(4).intValue()));
                    case 0x44 -> sb.append("f64.const ").append(Double.longBitsToDouble(le(8)));
                    case 0x23 -> sb.append("global.get ").append(u32());
                    case 0xd0 -> sb.append("ref.null ").append(heapType(sleb()));
                    case 0xd2 -> sb.append("ref.func ").append(u32());
                    case 0x6a -> sb.append("i32.add");
                    case 0x6b -> sb.append("i32.sub");
                    case 0x6c -> sb.append("i32.mul");
                    case 0x7c -> sb.append("i64.add");
                    case 0x7d -> sb.append("i64.sub");
                    case 0x7e -> sb.append("i64.mul");
                    case 0xfd -> {
                        u32(); // v128.const is the only SIMD constant instruction
                        StringBuilder hex = new StringBuilder("v128.const 0x");
                        for (int i = 15; i >= 0; i--) hex.append(String.format("%02x", b[pos + i] & 0xff));
                        pos += 16;
                        sb.append(hex);
                    }
                    default -> {
                        // Something newer (a GC constant instruction): name it and skip to the end.
                        sb.append(String.format("op 0x%02x …", op));
                        while (b[pos] != 0x0b) pos++;
                    }
                }
            }
        }

        Long le(int n) {
            long v = 0;
            for (int i = 0; i < n; i++) v |= (long) (b[pos + i] & 0xff) << (8 * i);
            pos += n;
            return v;
        }
    }
}
