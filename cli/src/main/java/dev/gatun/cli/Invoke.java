package dev.gatun.cli;

import dev.gatun.ExportDescriptor;
import dev.gatun.ExternKind;
import dev.gatun.FunctionType;
import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.LinkError;
import dev.gatun.Module;
import dev.gatun.RuntimeError;
import dev.gatun.CompileOptions;
import dev.gatun.ValType;
import dev.gatun.Value;
import dev.gatun.WebAssembly;
import dev.gatun.wasi.Wasi;
import dev.gatun.wasi.WasiExit;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** {@code gatun run --invoke NAME MODULE ARGS...}: call one export and print its results, WASI linked when the module imports it. */
final class Invoke {
    private Invoke() {}

    /** With statsTo, what tier 2 compiled is printed there after the call. */
    static int run(Path file, byte[] bytes, CompileOptions options, String name, List<String> args, List<String> dirs, List<String> envs,
                   RunLimits limits, PrintWriter out, PrintWriter statsTo) {
        CompileStats.Startup startup = new CompileStats.Startup();
        Module module = WasiRun.compile(file, bytes, options);
        startup.compiled();
        ExportDescriptor export = module.exports().stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
        if (export == null)
            throw new Cli.Failure(Cli.EXIT_USAGE, file + ": unknown export: " + InspectCommand.quote(name) + functionList(module));
        if (!(export.type() instanceof FunctionType type))
            throw new Cli.Failure(Cli.EXIT_USAGE, file + ": export " + InspectCommand.quote(name) + " is a " + export.kind() + ", not a function");
        List<ValType> params = type.params();
        if (args.size() != params.size())
            throw new Cli.Failure(Cli.EXIT_USAGE, "'" + name + "' takes " + params.size() + " argument(s) " + params + ", got " + args.size());
        Value[] argv = new Value[params.size()];
        for (int i = 0; i < argv.length; i++) {
            try {
                argv[i] = ValueText.parse(params.get(i), args.get(i));
            } catch (IllegalArgumentException e) {
                throw new Cli.Failure(Cli.EXIT_USAGE, "argument " + (i + 1) + ": " + e.getMessage());
            }
        }
        limits.check(module);
        module = limits.prepare(module);
        // As wasmtime does: a module that imports WASI gets it, so an export that prints or reads files works.
        boolean needsWasi = module.imports().stream().anyMatch(i -> i.module().equals(Wasi.MODULE));
        Wasi wasi = needsWasi ? WasiRun.wasi(dirs, envs, List.of(file.getFileName().toString())) : null;
        Value[] results;
        try {
            Instance instance = WebAssembly.instantiate(module, wasi != null ? wasi.imports() : Imports.empty(), limits.instanceLimits());
            try {
                startup.instantiated();
                limits.apply(instance);
                // initialize binds WASI to the memory and runs a reactor's _initialize; a command has none.
                if (wasi != null && instance.exports().has("memory")) wasi.initialize(instance);
                results = instance.exports().function(name).call(argv);
            } finally {
                instance.close();
            }
        } catch (LinkError e) {
            throw new Cli.Failure(Cli.EXIT_FAILED, "link error: " + Cli.firstLine(e.getMessage()));
        } catch (RuntimeError e) {
            WasiExit exit = exitOf(e);
            if (exit != null) return exit.exitCode(); // proc_exit ends the run with its status, as in a command
            throw new Cli.Failure(Cli.EXIT_FAILED, "trap: " + Frames.format(e, module, limits.explain(e)));
        } finally {
            if (wasi != null) wasi.close(); // flushes the guest's stdout before the results are printed
            if (statsTo != null) {
                CompileStats.print(module, statsTo);
                startup.print(statsTo);
            }
        }
        if (results != null) for (Value v : results) out.println(ValueText.format(v));
        out.flush();
        return 0;
    }

    /**
     * _start of a module that exports no memory, which Wasi.start refuses: as wasmtime does, run it anyway
     * (WASI calls that need memory cannot work, but proc_exit and pure computation do).
     */
    static int startWithoutMemory(Instance instance) {
        try {
            instance.exports().function("_start").call();
            return 0;
        } catch (RuntimeError e) {
            WasiExit exit = exitOf(e);
            if (exit != null) return exit.exitCode();
            throw e;
        }
    }

    private static WasiExit exitOf(Throwable t) {
        for (int depth = 0; t != null && depth < 8; t = t.getCause(), depth++) {
            if (t instanceof WasiExit e) return e;
        }
        return null;
    }

    /** "; its exported functions: a, b, c" (at most 20 named), or nothing when there are none. */
    static String functionList(Module module) {
        List<String> names = module.exports().stream().filter(e -> e.kind() == ExternKind.FUNCTION)
                .map(e -> InspectCommand.quote(e.name())).toList();
        if (names.isEmpty()) return "; it exports no functions";
        String shown = names.stream().limit(20).collect(Collectors.joining(", "));
        return "; its exported functions: " + shown + (names.size() > 20 ? ", … (" + names.size() + " in all)" : "");
    }
}
