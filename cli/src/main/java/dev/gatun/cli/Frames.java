package dev.gatun.cli;

import dev.gatun.ExportDescriptor;
import dev.gatun.ExternKind;
import dev.gatun.Module;
import dev.gatun.ModuleLayout;
import dev.gatun.RuntimeError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A trap for the user: the message, then the Wasm stack with recursion collapsed and export names where the name section is silent. */
final class Frames {
    private Frames() {}

    /** Distinct lines shown at most; the rest is counted, so a deep stack never floods the terminal. */
    static final int MAX_LINES = 40;

    /** {@code note} is appended to the first line (why the trap happened, when the CLI knows). */
    static String format(RuntimeError e, Module module, String note) {
        StringBuilder sb = new StringBuilder(Cli.firstLine(e.getMessage())).append(note);
        for (String line : lines(e.wasmStack(), exportNames(module))) sb.append("\n    ").append(line);
        return sb.toString();
    }

    /**
     * Node's shape, innermost first: "at fib (wasm-function[3]:0x4a)", or "at wasm-function[3]:0x4a" when
     * no name is known; a run of the same frame (a recursion's call sites) as one line and "… N more identical frames".
     */
    static List<String> lines(List<RuntimeError.Frame> stack, Map<Integer, String> exported) {
        List<String> out = new ArrayList<>();
        int i = 0, shown = 0;
        while (i < stack.size()) {
            RuntimeError.Frame f = stack.get(i);
            int run = 1;
            while (i + run < stack.size() && stack.get(i + run).funcidx() == f.funcidx()
                    && stack.get(i + run).offset() == f.offset()) run++;
            if (shown == MAX_LINES) {
                out.add("… " + (stack.size() - i) + " more frames");
                break;
            }
            String name = f.name() != null ? f.name() : exported.get(f.funcidx());
            out.add("at " + (name != null ? name + " (" + f.location() + ")" : f.location()));
            if (run > 1) out.add("… " + (run - 1) + " more identical frame" + (run > 2 ? "s" : ""));
            shown++;
            i += run;
        }
        return out;
    }

    /** funcidx to its first export name. */
    static Map<Integer, String> exportNames(Module module) {
        Map<Integer, String> names = new HashMap<>();
        if (module == null) return names;
        List<ExportDescriptor> exports = module.exports();
        List<Integer> indices = ModuleLayout.of(module).exportIndices();
        for (int i = 0; i < exports.size(); i++) {
            if (exports.get(i).kind() == ExternKind.FUNCTION) names.putIfAbsent(indices.get(i), exports.get(i).name());
        }
        return names;
    }
}
