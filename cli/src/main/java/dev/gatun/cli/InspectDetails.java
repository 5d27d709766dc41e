package dev.gatun.cli;

import dev.gatun.ModuleLayout;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** The part of {@code gatun inspect} that {@code wasm-objdump -x} shows beyond types: initialisers, segments, code sizes, sections. */
final class InspectDetails {
    private InspectDetails() {}

    /** Bytes of a data segment shown; the rest is counted. */
    static final int PREVIEW_BYTES = 32;

    static void print(PrintWriter out, ModuleSections s, ModuleLayout l, Map<Integer, String> exported) {
        if (!s.globalInits().isEmpty()) {
            out.println();
            out.println("global initialisers:");
            for (int i = 0; i < s.globalInits().size(); i++)
                out.println("  " + (l.importedGlobals() + i) + ": " + s.globalInits().get(i));
        }
        if (!s.elements().isEmpty()) {
            out.println();
            out.println("element segments (" + s.elements().size() + "):");
            for (int i = 0; i < s.elements().size(); i++) {
                ModuleSections.Elem e = s.elements().get(i);
                out.println("  " + i + ": " + e.mode() + (e.table() != null ? ", table " + e.table() + " at " + e.offset() : "")
                        + ", " + e.count() + " " + e.type() + (e.count() == 0 ? "" : ": " + items(e, l, exported)));
            }
        }
        if (!s.datas().isEmpty()) {
            out.println();
            out.println("data segments (" + s.datas().size() + "):");
            for (int i = 0; i < s.datas().size(); i++) {
                ModuleSections.Data d = s.datas().get(i);
                out.println("  " + i + ": " + d.mode() + (d.memory() != null ? ", memory " + d.memory() + " at " + d.offset() : "")
                        + ", " + d.bytes().length + " bytes" + (d.bytes().length == 0 ? "" : ": " + preview(d.bytes())));
            }
        }
        if (!s.bodies().isEmpty()) {
            out.println();
            out.println("code (" + s.bodies().size() + " bodies):");
            for (int i = 0; i < s.bodies().size(); i++) {
                ModuleSections.Body b = s.bodies().get(i);
                int funcidx = l.importedFunctions() + i;
                out.println(String.format("  func %-4d %7d bytes at 0x%06x%s", funcidx, b.size(), b.offset(), label(funcidx, l, exported)));
            }
        }
        out.println();
        out.println("sections (" + s.sections().size() + "):");
        for (ModuleSections.Section sec : s.sections()) {
            String name = sec.id() == 0 ? "custom " + InspectCommand.quote(sec.name()) : sec.name();
            out.println(String.format("  %-24s at 0x%06x, %d bytes", name, sec.offset(), sec.size()));
        }
    }

    static String label(int funcidx, ModuleLayout l, Map<Integer, String> exported) {
        String n = l.functionNames().get(funcidx);
        if (n == null) n = exported.get(funcidx);
        return n != null ? " <" + n + ">" : "";
    }

    private static String items(ModuleSections.Elem e, ModuleLayout l, Map<Integer, String> exported) {
        StringBuilder sb = new StringBuilder();
        for (String item : e.items()) {
            if (!sb.isEmpty()) sb.append(", ");
            sb.append(item);
            if (item.startsWith("func ")) sb.append(label(Integer.parseInt(item.substring(5)), l, exported));
        }
        if (e.count() > e.items().size()) sb.append(", … ").append(e.count() - e.items().size()).append(" more");
        return sb.toString();
    }

    /** The first bytes as a quoted string, \xx for what is not printable ASCII; "…" when cut. */
    static String preview(byte[] bytes) {
        StringBuilder sb = new StringBuilder("\"");
        int n = Math.min(bytes.length, PREVIEW_BYTES);
        for (int i = 0; i < n; i++) {
            int c = bytes[i] & 0xff;
            if (c == '"' || c == '\\') sb.append('\\').append((char) c);
            else if (c >= 0x20 && c < 0x7f) sb.append((char) c);
            else sb.append(String.format("\\%02x", c));
        }
        sb.append('"');
        if (bytes.length > n) sb.append(" … ").append(bytes.length - n).append(" more");
        return sb.toString();
    }
}
