package dev.gatun.wasi;

import dev.gatun.Function;
import dev.gatun.FunctionType;
import dev.gatun.HostFunction;
import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.LinkError;
import dev.gatun.Memory;
import dev.gatun.RuntimeError;
import dev.gatun.ValType;
import dev.gatun.Value;
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
        bindings = Bindings.of(impl);
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

    /** The preview1 import table: name, core signature, and the adapter onto {@link Preview1}. */
    static final class Bindings {
        private static final ValType I = ValType.I32, L = ValType.I64;
        private static final Value[] NONE = new Value[0];

        private final List<Binding> out = new ArrayList<>();

        private interface Call { int call(Value[] a); }

        private void fn(String name, List<ValType> params, Call c) {
            HostFunction h = args -> new Value[] {Value.i32(c.call(args))};
            out.add(new Binding(name, FunctionType.of(params, List.of(I)), h));
        }

        private static int i(Value[] a, int k) { return ((Value.I32) a[k]).value(); }

        private static long l(Value[] a, int k) { return ((Value.I64) a[k]).value(); }

        static List<Binding> of(Preview1 p) {
            Bindings b = new Bindings();
            b.fn("args_get", List.of(I, I), a -> p.argsGet(i(a, 0), i(a, 1)));
            b.fn("args_sizes_get", List.of(I, I), a -> p.argsSizesGet(i(a, 0), i(a, 1)));
            b.fn("environ_get", List.of(I, I), a -> p.environGet(i(a, 0), i(a, 1)));
            b.fn("environ_sizes_get", List.of(I, I), a -> p.environSizesGet(i(a, 0), i(a, 1)));
            b.fn("clock_res_get", List.of(I, I), a -> p.clockResGet(i(a, 0), i(a, 1)));
            b.fn("clock_time_get", List.of(I, L, I), a -> p.clockTimeGet(i(a, 0), l(a, 1), i(a, 2)));
            b.fn("fd_advise", List.of(I, L, L, I), a -> p.fdAdvise(i(a, 0), l(a, 1), l(a, 2), i(a, 3)));
            b.fn("fd_allocate", List.of(I, L, L), a -> p.fdAllocate(i(a, 0), l(a, 1), l(a, 2)));
            b.fn("fd_close", List.of(I), a -> p.fdClose(i(a, 0)));
            b.fn("fd_datasync", List.of(I), a -> p.fdDatasync(i(a, 0)));
            b.fn("fd_fdstat_get", List.of(I, I), a -> p.fdFdstatGet(i(a, 0), i(a, 1)));
            b.fn("fd_fdstat_set_flags", List.of(I, I), a -> p.fdFdstatSetFlags(i(a, 0), i(a, 1)));
            b.fn("fd_fdstat_set_rights", List.of(I, L, L), a -> p.fdFdstatSetRights(i(a, 0), l(a, 1), l(a, 2)));
            b.fn("fd_filestat_get", List.of(I, I), a -> p.fdFilestatGet(i(a, 0), i(a, 1)));
            b.fn("fd_filestat_set_size", List.of(I, L), a -> p.fdFilestatSetSize(i(a, 0), l(a, 1)));
            b.fn("fd_filestat_set_times", List.of(I, L, L, I), a -> p.fdFilestatSetTimes(i(a, 0), l(a, 1), l(a, 2), i(a, 3)));
            b.fn("fd_pread", List.of(I, I, I, L, I), a -> p.fdPread(i(a, 0), i(a, 1), i(a, 2), l(a, 3), i(a, 4)));
            b.fn("fd_prestat_get", List.of(I, I), a -> p.fdPrestatGet(i(a, 0), i(a, 1)));
            b.fn("fd_prestat_dir_name", List.of(I, I, I), a -> p.fdPrestatDirName(i(a, 0), i(a, 1), i(a, 2)));
            b.fn("fd_pwrite", List.of(I, I, I, L, I), a -> p.fdPwrite(i(a, 0), i(a, 1), i(a, 2), l(a, 3), i(a, 4)));
            b.fn("fd_read", List.of(I, I, I, I), a -> p.fdRead(i(a, 0), i(a, 1), i(a, 2), i(a, 3)));
            b.fn("fd_readdir", List.of(I, I, I, L, I), a -> p.fdReaddir(i(a, 0), i(a, 1), i(a, 2), l(a, 3), i(a, 4)));
            b.fn("fd_renumber", List.of(I, I), a -> p.fdRenumber(i(a, 0), i(a, 1)));
            b.fn("fd_seek", List.of(I, L, I, I), a -> p.fdSeek(i(a, 0), l(a, 1), i(a, 2), i(a, 3)));
            b.fn("fd_sync", List.of(I), a -> p.fdSync(i(a, 0)));
            b.fn("fd_tell", List.of(I, I), a -> p.fdTell(i(a, 0), i(a, 1)));
            b.fn("fd_write", List.of(I, I, I, I), a -> p.fdWrite(i(a, 0), i(a, 1), i(a, 2), i(a, 3)));
            b.fn("path_create_directory", List.of(I, I, I), a -> p.pathCreateDirectory(i(a, 0), i(a, 1), i(a, 2)));
            b.fn("path_filestat_get", List.of(I, I, I, I, I), a -> p.pathFilestatGet(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4)));
            b.fn("path_filestat_set_times", List.of(I, I, I, I, L, L, I),
                    a -> p.pathFilestatSetTimes(i(a, 0), i(a, 1), i(a, 2), i(a, 3), l(a, 4), l(a, 5), i(a, 6)));
            b.fn("path_link", List.of(I, I, I, I, I, I, I),
                    a -> p.pathLink(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4), i(a, 5), i(a, 6)));
            b.fn("path_open", List.of(I, I, I, I, I, L, L, I, I),
                    a -> p.pathOpen(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4), l(a, 5), l(a, 6), i(a, 7), i(a, 8)));
            b.fn("path_readlink", List.of(I, I, I, I, I, I), a -> p.pathReadlink(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4), i(a, 5)));
            b.fn("path_remove_directory", List.of(I, I, I), a -> p.pathRemoveDirectory(i(a, 0), i(a, 1), i(a, 2)));
            b.fn("path_rename", List.of(I, I, I, I, I, I), a -> p.pathRename(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4), i(a, 5)));
            b.fn("path_symlink", List.of(I, I, I, I, I), a -> p.pathSymlink(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4)));
            b.fn("path_unlink_file", List.of(I, I, I), a -> p.pathUnlinkFile(i(a, 0), i(a, 1), i(a, 2)));
            b.fn("poll_oneoff", List.of(I, I, I, I), a -> p.pollOneoff(i(a, 0), i(a, 1), i(a, 2), i(a, 3)));
            b.out.add(new Binding("proc_exit", FunctionType.of(List.of(I), List.of()), a -> {
                p.procExit(i(a, 0));
                return NONE;
            }));
            b.fn("proc_raise", List.of(I), a -> p.procRaise(i(a, 0)));
            b.fn("sched_yield", List.of(), a -> p.schedYield());
            b.fn("random_get", List.of(I, I), a -> p.randomGet(i(a, 0), i(a, 1)));
            b.fn("sock_accept", List.of(I, I, I), a -> p.sockAccept(i(a, 0), i(a, 1), i(a, 2)));
            b.fn("sock_recv", List.of(I, I, I, I, I, I), a -> p.sockRecv(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4), i(a, 5)));
            b.fn("sock_send", List.of(I, I, I, I, I), a -> p.sockSend(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4)));
            b.fn("sock_shutdown", List.of(I, I), a -> p.sockShutdown(i(a, 0), i(a, 1)));
            return List.copyOf(b.out);
        }
    }
}
