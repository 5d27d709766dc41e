package dev.gatun.wasi;

import dev.gatun.FunctionType;
import dev.gatun.HostFunction;
import dev.gatun.RuntimeError;
import dev.gatun.ValType;
import dev.gatun.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 46 functions of {@code wasi_snapshot_preview1}: builds the function families over one shared
 * {@link Context} and registers each function under its import name with its core signature. Guest memory
 * is reached only through {@link GuestMemory}, so everything here runs without an engine.
 */
final class Preview1 implements AutoCloseable {
    private static final ValType I = ValType.I32, L = ValType.I64;
    private static final Value[] NONE = new Value[0];

    private final Context cx;
    private final List<Wasi.Binding> bindings;

    Preview1(List<String> args, Map<String, String> env, InputStream stdin, OutputStream stdout,
            OutputStream stderr, byte stdinType, byte stdoutType, byte stderrType) {
        cx = new Context(args, env, stdin, stdout, stderr, stdinType, stdoutType, stderrType);
        bindings = register(cx);
    }

    void bind(GuestMemory memory) { cx.bind(memory); }

    boolean bound() { return cx.bound(); }

    int preopen(Path host, String guestName, boolean readOnly) throws IOException {
        return cx.preopen(host, guestName, readOnly);
    }

    void flushStdio() { cx.flushStdio(); }

    /** The preview1 functions, by import name. */
    List<Wasi.Binding> bindings() { return bindings; }

    /** For tests: the descriptor numbers currently open. */
    Set<Integer> openFds() { return cx.openFds(); }

    @Override
    public void close() { cx.close(); }

    private interface Call { int call(Value[] a); }

    private static final class Table {
        final List<Wasi.Binding> out = new ArrayList<>();

        void fn(String name, List<ValType> params, Call c) {
            HostFunction h = args -> {
                try {
                    return new Value[] {Value.i32(c.call(args))};
                } catch (Context.Unbound e) {
                    throw unbound(name, e);
                }
            };
            out.add(new Wasi.Binding(name, FunctionType.of(params, List.of(I)), h));
        }
    }

    /** The trap for a memory-touching call made before {@link Wasi#bind}, {@code initialize} or {@code start}. */
    static RuntimeError unbound(String name, Context.Unbound cause) {
        return new RuntimeError(RuntimeError.Trap.HOST, Wasi.MODULE + "." + name + " needs the guest's memory, but "
                + "this Wasi is not bound to one yet: call Wasi.bind (or initialize/start) before the guest calls WASI",
                List.of(), cause);
    }

    private static int i(Value[] a, int k) { return ((Value.I32) a[k]).value(); }

    private static long l(Value[] a, int k) { return ((Value.I64) a[k]).value(); }

    private static List<Wasi.Binding> register(Context cx) {
        ArgsEnviron ae = new ArgsEnviron(cx);
        Clocks c = new Clocks(cx);
        FdControl fc = new FdControl(cx);
        Filestat fs = new Filestat(cx);
        FdIo io = new FdIo(cx);
        Readdir rd = new Readdir(cx);
        PathCalls p = new PathCalls(cx);
        PathOpen po = new PathOpen(cx);
        Poll poll = new Poll(cx);
        Proc proc = new Proc(cx);
        Sockets s = new Sockets(cx);
        Table b = new Table();
        b.fn("args_get", List.of(I, I), a -> ae.argsGet(i(a, 0), i(a, 1)));
        b.fn("args_sizes_get", List.of(I, I), a -> ae.argsSizesGet(i(a, 0), i(a, 1)));
        b.fn("environ_get", List.of(I, I), a -> ae.environGet(i(a, 0), i(a, 1)));
        b.fn("environ_sizes_get", List.of(I, I), a -> ae.environSizesGet(i(a, 0), i(a, 1)));
        b.fn("clock_res_get", List.of(I, I), a -> c.clockResGet(i(a, 0), i(a, 1)));
        b.fn("clock_time_get", List.of(I, L, I), a -> c.clockTimeGet(i(a, 0), l(a, 1), i(a, 2)));
        b.fn("fd_advise", List.of(I, L, L, I), a -> fc.fdAdvise(i(a, 0), l(a, 1), l(a, 2), i(a, 3)));
        b.fn("fd_allocate", List.of(I, L, L), a -> fc.fdAllocate(i(a, 0), l(a, 1), l(a, 2)));
        b.fn("fd_close", List.of(I), a -> fc.fdClose(i(a, 0)));
        b.fn("fd_datasync", List.of(I), a -> fc.fdDatasync(i(a, 0)));
        b.fn("fd_fdstat_get", List.of(I, I), a -> fc.fdFdstatGet(i(a, 0), i(a, 1)));
        b.fn("fd_fdstat_set_flags", List.of(I, I), a -> fc.fdFdstatSetFlags(i(a, 0), i(a, 1)));
        b.fn("fd_fdstat_set_rights", List.of(I, L, L), a -> fc.fdFdstatSetRights(i(a, 0), l(a, 1), l(a, 2)));
        b.fn("fd_filestat_get", List.of(I, I), a -> fs.fdFilestatGet(i(a, 0), i(a, 1)));
        b.fn("fd_filestat_set_size", List.of(I, L), a -> fs.fdFilestatSetSize(i(a, 0), l(a, 1)));
        b.fn("fd_filestat_set_times", List.of(I, L, L, I), a -> fs.fdFilestatSetTimes(i(a, 0), l(a, 1), l(a, 2), i(a, 3)));
        b.fn("fd_pread", List.of(I, I, I, L, I), a -> io.fdPread(i(a, 0), i(a, 1), i(a, 2), l(a, 3), i(a, 4)));
        b.fn("fd_prestat_get", List.of(I, I), a -> fc.fdPrestatGet(i(a, 0), i(a, 1)));
        b.fn("fd_prestat_dir_name", List.of(I, I, I), a -> fc.fdPrestatDirName(i(a, 0), i(a, 1), i(a, 2)));
        b.fn("fd_pwrite", List.of(I, I, I, L, I), a -> io.fdPwrite(i(a, 0), i(a, 1), i(a, 2), l(a, 3), i(a, 4)));
        b.fn("fd_read", List.of(I, I, I, I), a -> io.fdRead(i(a, 0), i(a, 1), i(a, 2), i(a, 3)));
        b.fn("fd_readdir", List.of(I, I, I, L, I), a -> rd.fdReaddir(i(a, 0), i(a, 1), i(a, 2), l(a, 3), i(a, 4)));
        b.fn("fd_renumber", List.of(I, I), a -> fc.fdRenumber(i(a, 0), i(a, 1)));
        b.fn("fd_seek", List.of(I, L, I, I), a -> io.fdSeek(i(a, 0), l(a, 1), i(a, 2), i(a, 3)));
        b.fn("fd_sync", List.of(I), a -> fc.fdSync(i(a, 0)));
        b.fn("fd_tell", List.of(I, I), a -> io.fdTell(i(a, 0), i(a, 1)));
        b.fn("fd_write", List.of(I, I, I, I), a -> io.fdWrite(i(a, 0), i(a, 1), i(a, 2), i(a, 3)));
        b.fn("path_create_directory", List.of(I, I, I), a -> p.pathCreateDirectory(i(a, 0), i(a, 1), i(a, 2)));
        b.fn("path_filestat_get", List.of(I, I, I, I, I), a -> p.pathFilestatGet(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4)));
        b.fn("path_filestat_set_times", List.of(I, I, I, I, L, L, I),
                a -> p.pathFilestatSetTimes(i(a, 0), i(a, 1), i(a, 2), i(a, 3), l(a, 4), l(a, 5), i(a, 6)));
        b.fn("path_link", List.of(I, I, I, I, I, I, I),
                a -> p.pathLink(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4), i(a, 5), i(a, 6)));
        b.fn("path_open", List.of(I, I, I, I, I, L, L, I, I),
                a -> po.pathOpen(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4), l(a, 5), l(a, 6), i(a, 7), i(a, 8)));
        b.fn("path_readlink", List.of(I, I, I, I, I, I), a -> p.pathReadlink(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4), i(a, 5)));
        b.fn("path_remove_directory", List.of(I, I, I), a -> p.pathRemoveDirectory(i(a, 0), i(a, 1), i(a, 2)));
        b.fn("path_rename", List.of(I, I, I, I, I, I), a -> p.pathRename(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4), i(a, 5)));
        b.fn("path_symlink", List.of(I, I, I, I, I), a -> p.pathSymlink(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4)));
        b.fn("path_unlink_file", List.of(I, I, I), a -> p.pathUnlinkFile(i(a, 0), i(a, 1), i(a, 2)));
        b.fn("poll_oneoff", List.of(I, I, I, I), a -> poll.pollOneoff(i(a, 0), i(a, 1), i(a, 2), i(a, 3)));
        b.out.add(new Wasi.Binding("proc_exit", FunctionType.of(List.of(I), List.of()), a -> {
            proc.procExit(i(a, 0));
            return NONE;
        }));
        b.fn("proc_raise", List.of(I), a -> proc.procRaise(i(a, 0)));
        b.fn("sched_yield", List.of(), a -> proc.schedYield());
        b.fn("random_get", List.of(I, I), a -> proc.randomGet(i(a, 0), i(a, 1)));
        b.fn("sock_accept", List.of(I, I, I), a -> s.sockAccept(i(a, 0), i(a, 1), i(a, 2)));
        b.fn("sock_recv", List.of(I, I, I, I, I, I), a -> s.sockRecv(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4), i(a, 5)));
        b.fn("sock_send", List.of(I, I, I, I, I), a -> s.sockSend(i(a, 0), i(a, 1), i(a, 2), i(a, 3), i(a, 4)));
        b.fn("sock_shutdown", List.of(I, I), a -> s.sockShutdown(i(a, 0), i(a, 1)));
        return List.copyOf(b.out);
    }
}
