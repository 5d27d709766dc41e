package dev.gatun.text;

import dev.gatun.CompileError;

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
    /** Per direct space: index to id. */
    @SuppressWarnings("unchecked")
    private final Map<Long, String>[] direct = new Map[SPACES];
    /** Per indirect space (locals, labels, fields): outer index to inner index to id. */
    @SuppressWarnings("unchecked")
    private final Map<Long, Map<Long, String>>[] indirect = new Map[SPACES];

    static final PrintNames NONE = new PrintNames();

    String id(int space, long index) {
        Map<Long, String> m = direct[space];
        return m == null ? null : m.get(index);
    }

    String id(int space, long outer, long index) {
        Map<Long, Map<Long, String>> m = indirect[space];
        Map<Long, String> inner = m == null ? null : m.get(outer);
        return inner == null ? null : inner.get(index);
    }

    /**
     * Reads a name section's payload. Returns null if it does not follow the format: the spec leaves custom
     * sections uninterpreted, so a broken one is no error of the module and is printed as raw bytes instead.
     */
    static PrintNames read(byte[] bytes, int from, int to) {
        PrintNames n = new PrintNames();
        PrintCursor c = new PrintCursor(bytes, from, to);
        try {
            int last = -1;
            while (!c.atEnd()) {
                int id = c.u8();
                int size = c.u32();
                if (size > c.limit - c.pos || id <= last) return null;
                last = id;
                int end = c.pos + size;
                PrintCursor s = new PrintCursor(bytes, c.pos, end);
                switch (id) {
                    case 0 -> n.module = PrintText.id(s.name());
                    case LOCAL, LABEL, FIELD -> n.indirect[id] = indirectMap(s);
                    default -> {
                        if (id < SPACES) n.direct[id] = nameMap(s);
                        else s.pos = end; // a subsection from a later proposal: not ours to print
                    }
                }
                if (s.pos != end) return null;
                c.pos = end;
            }
            return n;
        } catch (CompileError e) {
            return null;
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
