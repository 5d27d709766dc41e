package dev.gatun.wasi;

import dev.gatun.Function;
import dev.gatun.FunctionType;
import dev.gatun.HostFunction;
import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.LinkError;
import dev.gatun.Memory;
import dev.gatun.RuntimeError;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
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
import java.util.concurrent.atomic.AtomicReference;

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
 * <p>{@link #start} runs a command once; {@link #initialize} prepares a reactor; {@link #bind} only names the
 * guest memory (an export of another name, or the embedder's own imported memory) for an embedder that calls
 * the exports itself. A WASI call that needs guest memory before any of these traps with a
 * {@link RuntimeError} of kind {@code HOST} saying so. Each standard stream is reported to the guest with a
 * {@link FileType} (set with the two-argument stream setters, or found per descriptor by
 * {@link Builder#inheritStdio()}), and host I/O failures reach the guest as the errno of the failure. Where
 * errnos deliberately differ from Node's, {@code wasi/ERRNO.md} in the source tree lists and explains them.
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
    /** The call that ran this Wasi's program ("start" or "initialize"), null before. */
    private final AtomicReference<String> ran = new AtomicReference<>();

    /** One host function of the preview1 import module. */
    record Binding(String name, FunctionType type, HostFunction function) {}

    private Wasi(Builder b) throws IOException {
        impl = new Preview1(b.args, b.env, b.stdin, b.stdout, b.stderr,
                b.stdinType.code, b.stdoutType.code, b.stderrType.code);
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
     * returns, the argument of {@code proc_exit} otherwise), after binding to the instance's {@code memory}
     * export unless {@link #bind} already named a memory. A {@code Wasi} runs one program once, as
     * Node's does: a second {@code start} (or one after {@link #initialize}) is refused.
     *
     * @throws RuntimeError if the program traps
     * @throws LinkError if the instance exports no {@code _start}, or no {@code memory} and none was
     *     {@linkplain #bind bound}
     * @throws IllegalStateException if this {@code Wasi} already started or initialized an instance
     */
    public int start(Instance instance) {
        Function start = instance.exports().function("_start");
        Memory memory = impl.bound() ? null : instance.exports().memory("memory");
        claim("start");
        if (memory != null) bind(memory);
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

    /**
     * Prepares a reactor module: binds to its {@code memory} export (unless {@link #bind} named one) and
     * calls its {@code _initialize} if it exports one. Refused, like {@link #start}, once this {@code Wasi}
     * has started or initialized.
     *
     * @throws LinkError if the instance exports no {@code memory} and none was {@linkplain #bind bound}
     * @throws IllegalStateException if this {@code Wasi} already started or initialized an instance
     */
    public void initialize(Instance instance) {
        Memory memory = impl.bound() ? null : instance.exports().memory("memory");
        claim("initialize");
        if (memory != null) bind(memory);
        if (instance.exports().has("_initialize")) {
            try {
                instance.exports().function("_initialize").call();
            } finally {
                impl.flushStdio();
            }
        }
    }

    /**
     * Binds the guest memory the WASI functions read and write to the instance's export named
     * {@code "memory"}, without running anything: for an embedder that calls the exports itself (a reactor
     * without {@code _initialize}, or one whose {@code _initialize} it runs later, or not at all).
     *
     * <p>Until a memory is bound, a WASI function that reads or writes guest memory (nearly all of them)
     * fails with a {@link RuntimeError} of kind {@link RuntimeError.Trap#HOST} whose message names the
     * function and says to bind first; {@link #start} and {@link #initialize} bind for you.
     *
     * @throws LinkError if the instance exports no memory named {@code "memory"}
     */
    public Wasi bind(Instance instance) { return bind(instance, "memory"); }

    /**
     * Binds to the instance's memory exported as {@code memoryExport}, for modules that name it otherwise.
     *
     * @throws LinkError if the instance exports no memory of that name
     */
    public Wasi bind(Instance instance, String memoryExport) {
        return bind(instance.exports().memory(Objects.requireNonNull(memoryExport)));
    }

    /**
     * Binds to {@code memory}: the embedder's own (one it passed as the module's imported memory) or any
     * instance's. The segment is re-read on every call, so growth by {@code memory.grow} is seen. Binding
     * again replaces the memory; it does not start anything and may come before or after instantiation.
     */
    public Wasi bind(Memory memory) {
        Objects.requireNonNull(memory);
        // Re-read on every call: memory.grow may have replaced the segment.
        impl.bind(memory::segment);
        return this;
    }

    /** Marks this Wasi as running its one program; {@code what} names the refused call. */
    private void claim(String what) {
        String before = ran.compareAndExchange(null, what);
        if (before != null) {
            throw new IllegalStateException("Wasi." + what + ": this Wasi already ran " + before
                    + "; a Wasi runs one program once, so build a new one for each run");
        }
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
        private FileType stdinType = FileType.UNKNOWN, stdoutType = FileType.UNKNOWN, stderrType = FileType.UNKNOWN;

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

        /** The guest's stdin, reported as {@link FileType#UNKNOWN}. */
        public Builder stdin(InputStream in) { return stdin(in, FileType.UNKNOWN); }

        /** The guest's stdout, reported as {@link FileType#UNKNOWN}. */
        public Builder stdout(OutputStream out) { return stdout(out, FileType.UNKNOWN); }

        /** The guest's stderr, reported as {@link FileType#UNKNOWN}. */
        public Builder stderr(OutputStream err) { return stderr(err, FileType.UNKNOWN); }

        /**
         * The guest's stdin, reported to it as {@code type}: e.g. {@link FileType#CHARACTER_DEVICE} when the
         * embedder feeds it from a terminal, so the guest behaves as it would interactively.
         */
        public Builder stdin(InputStream in, FileType type) {
            stdin = Objects.requireNonNull(in);
            stdinType = Objects.requireNonNull(type);
            return this;
        }

        /**
         * The guest's stdout, reported to it as {@code type}. With {@link FileType#CHARACTER_DEVICE} a C
         * guest line-buffers its output (it takes itself to be writing to a terminal); otherwise it flushes
         * only when its buffer fills or it exits.
         *
         * <p>Write errors of {@code out} reach the guest as the errno of the failure (a full disk is ENOSPC,
         * a closed pipe EPIPE); a {@link java.io.PrintStream} hides its errors, so from one the guest gets EIO
         * once {@code checkError()} turns true.
         */
        public Builder stdout(OutputStream out, FileType type) {
            stdout = Objects.requireNonNull(out);
            stdoutType = Objects.requireNonNull(type);
            return this;
        }

        /** The guest's stderr, reported to it as {@code type} (see {@link #stdout(OutputStream, FileType)}). */
        public Builder stderr(OutputStream err, FileType type) {
            stderr = Objects.requireNonNull(err);
            stderrType = Objects.requireNonNull(type);
            return this;
        }

        /**
         * Connects the guest's standard streams to this process's descriptors 0, 1 and 2, each reported with
         * its own type (an fstat per descriptor, as Node does): with stdout on a terminal and stdin from a
         * file, the guest sees a character device and a regular file.
         *
         * <p>stdin is read through {@link System#in} (so nothing the JVM already buffered is lost); stdout
         * and stderr are written to the descriptors themselves, not through {@link System#out} and
         * {@link System#err}, whose PrintStreams would hide write errors such as ENOSPC from the guest.
         * A {@link System#setOut} redirection is therefore not followed: use {@link #stdout} for that.
         */
        public Builder inheritStdio() {
            System.out.flush(); // what the JVM printed before comes before the guest's output
            System.err.flush();
            stdin = System.in;
            stdout = new FileOutputStream(FileDescriptor.out);
            stderr = new FileOutputStream(FileDescriptor.err);
            stdinType = FileType.ofHostDescriptor(0);
            stdoutType = FileType.ofHostDescriptor(1);
            stderrType = FileType.ofHostDescriptor(2);
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
