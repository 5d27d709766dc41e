package dev.gatun.cli;

import dev.gatun.CompileError;
import dev.gatun.CompileOptions;
import dev.gatun.Module;
import dev.gatun.WebAssembly;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The launcher starts the JVM without {@code --add-modules jdk.incubator.vector}: with it, the JDK's AOT cache
 * cannot use its linked classes and archived module graph, which costs about 0.1 s of every start. The few
 * modules that use SIMD need it, and are found at compile, before anything ran or was printed: the same command
 * line then runs again in a JVM with the flag, its standard streams (and exit status) the child's own.
 */
final class SimdRelaunch {
    private SimdRelaunch() {}

    /** Set in the child's environment, so a JVM that still lacks the module reports it instead of looping. */
    static final String ENV = "GATUN_SIMD_RELAUNCHED";

    /** Thrown past the commands' own CompileError handlers; {@link Main} answers it by running again. */
    static final class Needed extends RuntimeException {
        Needed(CompileError cause) {
            super(cause.getMessage(), null, false, false);
        }
    }

    /** {@link WebAssembly#compile(byte[], CompileOptions)}, with a missing Vector API turned into {@link Needed}. */
    static Module compile(byte[] bytes, CompileOptions options) {
        try {
            return WebAssembly.compile(bytes, options);
        } catch (CompileError e) {
            if (e.kind() == CompileError.Kind.UNSUPPORTED && possible()) throw new Needed(e);
            throw e;
        }
    }

    private static boolean possible() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty() && System.getenv(ENV) == null;
    }

    /** This JVM's command line: the java binary, then its options, main class and arguments. */
    private static Optional<List<String>> commandLine() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) return Optional.empty();
        List<String> cmd = new ArrayList<>();
        cmd.add(info.command().get());
        cmd.addAll(List.of(info.arguments().get()));
        return Optional.of(cmd);
    }

    /** Runs this command line again with the Vector API; returns its exit status. */
    static int run(Needed needed) {
        List<String> cmd = commandLine().orElse(null);
        if (cmd == null) throw new Cli.Failure(Cli.EXIT_FAILED, needed.getMessage());
        cmd.add(1, "--add-modules=jdk.incubator.vector");
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put(ENV, "1");
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            throw new Cli.Failure(Cli.EXIT_FAILED, needed.getMessage());
        }
        // A SIGTERM to this process must not leave the child running on its own.
        Thread stop = new Thread(child::destroy);
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
            return Cli.EXIT_INTERNAL;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or ran: the child is being stopped
            }
        }
    }
}
