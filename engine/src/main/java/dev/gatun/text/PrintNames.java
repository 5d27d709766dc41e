package dev.gatun.text;

import dev.gatun.model.CompileFailure;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The names of the custom "name" section as text-format identifiers. A name that repeats within its index
 * space keeps its first holder; later ones print numerically, since two equal ids would not re-parse.
 */
final class PrintNames {
    static final int FUNC = 1, LOCAL = 2, LABEL = 3, TYPE = 4, TABLE = 5, MEMORY = 6, GLOBAL = 7, ELEM = 8,
            DATA = 9, FIELD = 10, TAG = 11, SPACES = 12;

    String module;
    /** Per direct space (a subsection id): index to id. */
    private final Map<Integer, Map<Long, String>> direct = new HashMap<>();
    /** Per indirect space (locals, labels, fields): outer index to inner index to id. */
    private final Map<Integer, Map<Long, Map<Long, String>>> indirect = new HashMap<>();

    static final PrintNames NONE = new PrintNames();

    String id(int space, long index) {
        Map<Long, String> m = direct.get(space);
        return m == null ? null : m.get(index);
    }

    String id(int space, long outer, long index) {
        Map<Long, Map<Long, String>> m = indirect.get(space);
        Map<Long, String> inner = m == null ? null : m.get(outer);
        return inner == null ? null : inner.get(index);
    }

    /**
     * Reads a name section's payload. The spec leaves custom sections uninterpreted, so a broken part is no
     * error of the module: a subsection that does not follow the format (or repeats or comes out of order)
     * is dropped and the others are kept. Returns null if the subsections themselves cannot be delimited.
     */
    static PrintNames read(byte[] bytes, int from, int to) {
        PrintNames n = new PrintNames();
        PrintCursor c = new PrintCursor(bytes, from, to);
        int last = -1;
        while (!c.atEnd()) {
            int id, size;
            try {
                id = c.u8();
                size = c.u32();
            } catch (CompileFailure e) {
                return null;
            }
            if (size > c.limit - c.pos) return null;
            int end = c.pos + size;
            if (id > last) {
                last = id;
                subsection(n, id, new PrintCursor(bytes, c.pos, end));
            }
            c.pos = end;
        }
        return n;
    }

    private static void subsection(PrintNames n, int id, PrintCursor s) {
        try {
            switch (id) {
                case 0 -> {
                    String module = PrintText.id(s.name());
                    if (s.atEnd()) n.module = module;
                }
                case LOCAL, LABEL, FIELD -> {
                    Map<Long, Map<Long, String>> m = indirectMap(s);
                    if (s.atEnd()) n.indirect.put(id, m);
                }
                default -> {
                    if (id >= SPACES) return; // a subsection from a later proposal: not ours to print
                    Map<Long, String> m = nameMap(s);
                    if (s.atEnd()) n.direct.put(id, m);
                }
            }
        } catch (CompileFailure e) {
            // Dropped, as said above.
        }
    }

    private static Map<Long, String> nameMap(PrintCursor c) {
        int count = c.count();
        Map<Long, String> m = new HashMap<>();
        Set<String> seen = new HashSet<>();
        long previous = -1;
        for (int i = 0; i < count; i++) {
            long index = c.u32L();
            String name = c.name();
            if (index <= previous) throw c.malformed("name map out of order");
            previous = index;
            if (seen.add(name)) m.put(index, PrintText.id(name));
        }
        return m;
    }

    private static Map<Long, Map<Long, String>> indirectMap(PrintCursor c) {
        int count = c.count();
        Map<Long, Map<Long, String>> m = new HashMap<>();
        long previous = -1;
        for (int i = 0; i < count; i++) {
            long index = c.u32L();
            if (index <= previous) throw c.malformed("name map out of order");
            previous = index;
            m.put(index, nameMap(c));
        }
        return m;
    }
}
