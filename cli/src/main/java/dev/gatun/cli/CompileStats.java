package dev.gatun.cli;

import dev.gatun.CompileReport;
import dev.gatun.Module;

import java.io.PrintWriter;
import java.util.Map;

/** {@code gatun run --stats}: what tier 2 compiled of the module, on stderr after the run. */
final class CompileStats {
    private CompileStats() {}

    static void print(Module module, PrintWriter err) {
        CompileReport r = module.compileReport().orElse(null);
        if (r == null) {
            err.println("gatun: tier 2: nothing compiled (" + switch (module.tier()) {
                case INTERPRETER -> "tier interpreter";
                case COMPILER -> "the module was not instantiated";
                case TIERED -> "the module did not get hot, or its compile had not finished";
            } + ")");
        } else {
            err.println("gatun: tier 2: compiled " + r.compiled() + " of " + r.functions() + " functions, "
                    + r.interpreted().size() + " left to the interpreter"
                    + (r.compiled() + r.interpreted().size() < r.functions()
                            ? ", " + (r.functions() - r.compiled() - r.interpreted().size()) + " not hot enough to compile" : "")
                    + (r.split() == 0 ? "" : ", " + r.split() + " split into several methods")
                    + (r.largestFuncidx() < 0 ? "" : "; largest method " + r.largestMethodBytes() + " bytes (function " + r.largestFuncidx() + ")"));
            r.interpreted().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> err.println("gatun: tier 2: function " + e.getKey() + " interpreted: " + e.getValue()));
        }
        err.flush();
    }
}
