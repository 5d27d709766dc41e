package dev.gatun.cli;

import dev.gatun.CompileReport;
import dev.gatun.Module;

import java.io.PrintWriter;
import java.util.Map;

/** {@code gatun run --stats}: what tier 2 compiled of the module, and how long start-up took, on stderr after the run. */
final class CompileStats {
    private CompileStats() {}

    /**
     * The start-up of a run, marked as it passes each phase: from the process's start (the JVM's own start
     * included) through the compile (decode and validate) and the instantiation (with tier 2's compile, or
     * its load from the class cache, when the tier compiles up front) to the first Wasm instruction.
     */
    static final class Startup {
        private final long begun = System.nanoTime();
        private long compiled, instantiated;

        void compiled() { compiled = System.nanoTime(); }

        void instantiated() { instantiated = System.nanoTime(); }

        void print(PrintWriter err) {
            if (instantiated == 0) return;   // the run ended before its first instruction
            // From the process's start as the OS saw it (a coarse clock: ticks of about 10 ms).
            long before = ProcessHandle.current().info().startInstant()
                    .map(t -> java.time.Duration.between(t, java.time.Instant.now()).toNanos() - (System.nanoTime() - begun))
                    .orElse(-1L);
            double compile = (compiled - begun) / 1e9, instantiate = (instantiated - compiled) / 1e9;
            err.println(before < 0
                    ? String.format("gatun: start-up: %.3f s compile (decode, validate), %.3f s instantiate", compile, instantiate)
                    : String.format("gatun: start-up %.3f s: %.3f s JVM and command line, %.3f s compile (decode, validate), %.3f s instantiate",
                            before / 1e9 + compile + instantiate, before / 1e9, compile, instantiate));
        }
    }

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
