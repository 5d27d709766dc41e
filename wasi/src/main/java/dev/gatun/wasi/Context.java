package dev.gatun.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What every function family shares: argv and environment, the descriptor table, and the bound guest memory. */
final class Context implements AutoCloseable {
    final List<byte[]> args;
    final List<byte[]> env;
    private final TreeMap<Integer, Fd> fds = new TreeMap<>();
    private GuestMemory memory;

    Context(List<String> args, Map<String, String> env, InputStream stdin, OutputStream stdout,
            OutputStream stderr, byte stdinType, byte stdoutType, byte stderrType) {
        this.args = args.stream().map(Context::cString).toList();
        this.env = env.entrySet().stream().map(e -> cString(e.getKey() + "=" + e.getValue())).toList();
        fds.put(0, new Fd.Stdio(stdin, null, stdinType));
        fds.put(1, new Fd.Stdio(null, stdout, stdoutType));
        fds.put(2, new Fd.Stdio(null, stderr, stderrType));
    }

    private static byte[] cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] z = new byte[b.length + 1];
        System.arraycopy(b, 0, z, 0, b.length);
        return z;
    }

    void bind(GuestMemory memory) { this.memory = memory; }

    boolean bound() { return memory != null; }

    /** The guest memory; {@link Unbound} before the embedder bound one (never turned into an errno). */
    MemorySegment mem() {
        GuestMemory m = memory;
        if (m == null) throw new Unbound();
        return m.segment();
    }

    /**
     * A function that reads or writes guest memory was called before the embedder bound a memory: the
     * embedder's mistake, which the guest can neither cause nor handle, so it is a trap and not an errno.
     */
    static final class Unbound extends IllegalStateException {
        Unbound() { super("no guest memory bound yet", null); }
    }

    /** Opens a host directory as the next preopened descriptor. */
    synchronized int preopen(Path host, String guestName, boolean readOnly) throws IOException {
        Path real = host.toRealPath();
        DirectoryStream<Path> ds = Files.newDirectoryStream(real);
        if (!(ds instanceof SecureDirectoryStream<Path> sds)) {
            ds.close();
            throw new UnsupportedOperationException("this platform has no openat-based directory streams; "
                    + "cannot sandbox " + host);
        }
        long rights = readOnly ? Abi.RIGHTS_ALL & ~Abi.RIGHTS_MUTATING : Abi.RIGHTS_ALL;
        long base = rights & Abi.RIGHTS_DIRECTORY;
        return install(new Fd.Dir(sds, real, guestName, readOnly, base, rights & (Abi.RIGHTS_DIRECTORY | Abi.RIGHTS_FILE)));
    }

    /** Puts {@code f} at the lowest free descriptor number, as POSIX open does, and returns that number. */
    synchronized int install(Fd f) {
        int fd = 0;
        for (int used : fds.keySet()) {
            if (used != fd) break;
            fd++;
        }
        fds.put(fd, f);
        return fd;
    }

    synchronized Fd fd(int fd) throws Errno.WasiError {
        Fd f = fds.get(fd);
        if (f == null) throw Errno.error(Errno.BADF);
        return f;
    }

    /** Takes {@code fd} out of the table (the caller closes it); null if it was not open. */
    synchronized Fd remove(int fd) { return fds.remove(fd); }

    int renumber(int from, int to) {
        synchronized (this) {
            Fd f = fds.get(from);
            Fd t = fds.get(to);
            if (f == null || t == null) return Errno.BADF;
            if (from == to) return Errno.SUCCESS;
            fds.put(to, f);
            fds.remove(from);
            try {
                t.close();
            } catch (IOException ignored) {
                // dup2 also ignores errors closing the descriptor it replaces
            }
            return Errno.SUCCESS;
        }
    }

    void flushStdio() {
        for (int i = 1; i <= 2; i++) {
            if (fds.get(i) instanceof Fd.Stdio s && s.out != null) {
                try { s.out.flush(); } catch (IOException ignored) { /* best effort at exit */ }
            }
        }
    }

    /** For tests: the descriptor numbers currently open. */
    synchronized Set<Integer> openFds() { return Set.copyOf(fds.keySet()); }

    @Override
    public synchronized void close() {
        for (Fd f : fds.values()) {
            try { f.close(); } catch (IOException ignored) { /* closing everything regardless */ }
        }
        fds.clear();
    }
}
