package dev.gatun.cli;

import dev.gatun.CompileError;
import dev.gatun.CompileOptions;
import dev.gatun.ExternKind;
import dev.gatun.Instance;
import dev.gatun.LinkError;
import dev.gatun.Module;
import dev.gatun.RuntimeError;
import dev.gatun.WebAssembly;
import dev.gatun.wasi.Wasi;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code gatun run [--dir HOST[::GUEST]]... [--env K[=V]]... MODULE ARGS...}: runs a WASI command module. */
final class WasiRun {
    private WasiRun() {}

    /** The status a trapped program exits with, as a process killed by SIGABRT (what wasmtime reports too). */
    static final int EXIT_TRAP = 134;

    /** With statsTo, what tier 2 compiled is printed there after the run. */
    static int run(Path file, byte[] bytes, CompileOptions options, List<String> dirs, List<String> envs, List<String> args,
                   RunLimits limits, PrintWriter err, PrintWriter statsTo) {
        CompileStats.Startup startup = new CompileStats.Startup();
        Module module = compile(file, bytes, options);
        startup.compiled();
        if (module.exports().stream().noneMatch(e -> e.name().equals("_start") && e.kind() == ExternKind.FUNCTION))
            throw new Cli.Failure(Cli.EXIT_USAGE, file + " has no _start function, so it is not a WASI command; "
                    + "call one of its exports with --invoke NAME" + Invoke.functionList(module));
        limits.check(module);
        module = limits.prepare(module);
        List<String> argv = new ArrayList<>();
        argv.add(file.getFileName().toString());
        argv.addAll(args);
        try (Wasi wasi = wasi(dirs, envs, argv)) {
            Instance instance = WebAssembly.instantiate(module, wasi.imports(), limits.instanceLimits());
            try {
                startup.instantiated();
                limits.apply(instance);
                if (instance.exports().has("memory")) return wasi.start(instance);
                return Invoke.startWithoutMemory(instance);
            } finally {
                instance.close();
            }
        } catch (LinkError e) {
            throw new Cli.Failure(Cli.EXIT_FAILED, "link error: " + Cli.firstLine(e.getMessage()));
        } catch (RuntimeError e) {
            // The trap with its Wasm stack, innermost frame first.
            err.println("gatun: trap: " + Frames.format(e, module, limits.explain(e)));
            err.flush();
            return EXIT_TRAP;
        } finally {
            if (statsTo != null) {
                CompileStats.print(module, statsTo);
                startup.print(statsTo);
            }
        }
    }

    static Module compile(Path file, byte[] bytes, CompileOptions options) {
        try {
            return SimdRelaunch.compile(bytes, options);
        } catch (CompileError e) {
            throw new Cli.Failure(Cli.EXIT_FAILED, file + ": " + ValidateCommand.describe(e));
        }
    }

    /** The WASI context of --dir, --env and the program's argv, its stdio the process's own. */
    static Wasi wasi(List<String> dirs, List<String> envs, List<String> argv) {
        // The process's own streams, not the PrintWriters: guest output is bytes and must pass through unchanged,
        // and a terminal shows up to the guest as a character device (so its libc line-buffers).
        Wasi.Builder b = Wasi.builder().args(argv).inheritStdio();
        for (String d : dirs) {
            int sep = d.indexOf("::");
            String host = sep < 0 ? d : d.substring(0, sep), guest = sep < 0 ? d : d.substring(sep + 2);
            if (host.isEmpty() || guest.isEmpty()) throw new Cli.Failure(Cli.EXIT_USAGE, "--dir wants HOST[::GUEST], got '" + d + "'");
            if (!Files.isDirectory(Path.of(host))) throw new Cli.Failure(Cli.EXIT_USAGE, "--dir " + d + ": no such directory: " + host);
            b.preopen(Path.of(host), guest, false);
        }
        for (String e : envs) {
            int eq = e.indexOf('=');
            try {
                if (eq > 0) b.env(e.substring(0, eq), e.substring(eq + 1));
                else if (eq < 0 && System.getenv(e) != null) b.env(e, System.getenv(e)); // --env NAME inherits it
                else if (eq == 0) throw new IllegalArgumentException("empty name");
            } catch (IllegalArgumentException x) {
                throw new Cli.Failure(Cli.EXIT_USAGE, "--env " + e + ": " + x.getMessage());
            }
        }
        try {
            return b.build();
        } catch (UncheckedIOException e) {
            throw new Cli.Failure(Cli.EXIT_USAGE, e.getMessage());
        }
    }
}
