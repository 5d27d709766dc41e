package dev.gatun.wasi;

import dev.gatun.Function;
import dev.gatun.FunctionType;
import dev.gatun.HostFunction;
import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.LinkError;
import dev.gatun.Memory;
import dev.gatun.RuntimeError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * WASI preview1 for one guest program: its arguments, environment, standard streams and preopened
 * directories. Build one per program run; {@link #close()} closes every descriptor the guest left open.
 *
 * <pre>{@code
 * try (Wasi wasi = Wasi.builder()
 *         .args("grayscale", "/pics/in.ppm", "/pics/out.pgm")
 *         .preopen(Path.of("pictures"), "/pics", false)
 *         .inheritStdio()
 *         .build()) {
 *     Instance instance = WebAssembly.instantiate(module, wasi.imports());
 *     int status = wasi.start(instance);   // _start's outcome: 0, or proc_exit's argument
 * }
 * }</pre>
 *
 * <p>The guest reaches the host file system only beneath its preopens: {@code ..}, absolute paths and
 * symlinks that would lead out are refused with ENOTCAPABLE, resolution never follows a symlink itself
 * and opens each directory relative to the one before (so swapping a directory for a symlink meanwhile
 * cannot redirect it), and a read-only preopen grants no right that changes anything.
 */
public final class Wasi implements AutoCloseable {
    /** The import module name every preview1 function lives under. */
    public static final String MODULE = "wasi_snapshot_preview1";

    private final Preview1 impl;
    private final List<Binding> bindings;

    /** One host function of the preview1 import module. */
    record Binding(String name, FunctionType type, HostFunction function) {}

    private Wasi(Builder b) throws IOException {
        impl = new Preview1(b.args, b.env, b.stdin, b.stdout, b.stderr,
                b.stdinType, b.stdoutType, b.stderrType);
        try {
            for (Preopen p : b.preopens) impl.preopen(p.host, p.guest, p.readOnly);
        } catch (IOException | RuntimeException e) {
            impl.close();
            throw e;
        }
        bindings = impl.bindings();
    }

    public static Builder builder() { return new Builder(); }

    /** The preview1 functions as an import object: {@code WebAssembly.instantiate(module, wasi.imports())}. */
    public Imports imports() {
        Imports.Builder b = Imports.builder();
        addTo(b);
        return b.build();
    }

    /** Adds the preview1 functions to an import object under construction, beside the embedder's own. */
    public void addTo(Imports.Builder builder) {
        for (Binding b : bindings) builder.function(MODULE, b.name(), b.type(), b.function());
    }

    /**
     * Runs a command module: calls its {@code _start} and returns the exit status (0 when {@code _start}
     * returns, the argument of {@code proc_exit} otherwise).
     *
     * @throws RuntimeError if the program traps
     * @throws LinkError if the instance exports no {@code _start} or no {@code memory}
     */
    public int start(Instance instance) {
        Function start = instance.exports().function("_start");
        bind(instance);
        try {
            start.call();
            return 0;
        } catch (RuntimeException e) {
            WasiExit exit = exitOf(e);
            if (exit != null) return exit.exitCode();
            throw e;
        } finally {
            impl.flushStdio();
        }
    }

    /** Prepares a reactor module: calls its {@code _initialize} if it exports one. */
    public void initialize(Instance instance) {
        bind(instance);
        if (instance.exports().has("_initialize")) {
            try {
                instance.exports().function("_initialize").call();
            } finally {
                impl.flushStdio();
            }
        }
    }

    private void bind(Instance instance) {
        Memory memory = instance.exports().memory("memory");
        // Re-read on every call: memory.grow may have replaced the segment.
        impl.bind(memory::segment);
    }

    /** proc_exit's exception, as thrown or as the cause the engine wrapped it in. */
    private static WasiExit exitOf(Throwable t) {
        for (int depth = 0; t != null && depth < 8; t = t.getCause(), depth++) {
            if (t instanceof WasiExit e) return e;
        }
        return null;
    }

    /** The preview1 functions, by import name. */
    List<Binding> bindings() { return bindings; }

    /** Binds the guest memory the functions read and write; for tests without an engine. */
    void bindMemory(GuestMemory memory) { impl.bind(memory); }

    Preview1 impl() { return impl; }

    @Override
    public void close() {
        impl.flushStdio();
        impl.close();
    }

    private record Preopen(Path host, String guest, boolean readOnly) {}

    /** Configures a {@link Wasi}. Nothing is inherited from the host unless asked for. */
    public static final class Builder {
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<Preopen> preopens = new ArrayList<>();
        private InputStream stdin = InputStream.nullInputStream();
        private OutputStream stdout = OutputStream.nullOutputStream();
        private OutputStream stderr = OutputStream.nullOutputStream();
        private byte stdinType = Abi.FILETYPE_UNKNOWN, stdoutType = Abi.FILETYPE_UNKNOWN, stderrType = Abi.FILETYPE_UNKNOWN;

        private Builder() {}

        /** The program's argv, program name first. */
        public Builder args(String... args) { return args(List.of(args)); }

        public Builder args(List<String> args) {
            this.args.clear();
            this.args.addAll(args);
            return this;
        }

        public Builder env(String key, String value) {
            if (key.isEmpty() || key.indexOf('=') >= 0) throw new IllegalArgumentException("bad environment name: " + key);
            env.put(key, Objects.requireNonNull(value));
            return this;
        }

        /** Copies the host process's environment (later {@link #env} calls override entries). */
        public Builder inheritEnv() {
            env.putAll(System.getenv());
            return this;
        }

        /**
         * Makes host directory {@code host} visible to the guest as {@code guest} (e.g. "." or "/data").
         * Nothing outside it is reachable through it; with {@code readOnly} nothing in it can change.
         */
        public Builder preopen(Path host, String guest, boolean readOnly) {
            preopens.add(new Preopen(Objects.requireNonNull(host), Objects.requireNonNull(guest), readOnly));
            return this;
        }

        public Builder stdin(InputStream in) { stdin = Objects.requireNonNull(in); stdinType = Abi.FILETYPE_UNKNOWN; return this; }

        public Builder stdout(OutputStream out) { stdout = Objects.requireNonNull(out); stdoutType = Abi.FILETYPE_UNKNOWN; return this; }

        public Builder stderr(OutputStream err) { stderr = Objects.requireNonNull(err); stderrType = Abi.FILETYPE_UNKNOWN; return this; }

        /** Connects the guest's standard streams to this process's (a terminal shows up as a character device). */
        public Builder inheritStdio() {
            stdin = System.in;
            stdout = System.out;
            stderr = System.err;
            boolean tty = System.console() != null && System.console().isTerminal();
            byte t = tty ? Abi.FILETYPE_CHARACTER_DEVICE : Abi.FILETYPE_UNKNOWN;
            stdinType = stdoutType = stderrType = t;
            return this;
        }

        /**
         * @throws UncheckedIOException if a preopened directory cannot be opened
         */
        public Wasi build() {
            try {
                return new Wasi(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot preopen: " + e.getMessage(), e);
            }
        }
    }
}
