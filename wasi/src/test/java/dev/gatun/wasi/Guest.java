package dev.gatun.wasi;

import dev.gatun.Value;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A stand-in guest for tests without an engine: a linear memory and calls into the WASI functions through
 * the very host-function adapters an instance would import.
 */
final class Guest implements AutoCloseable {
    static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Arena arena = Arena.ofShared();
    final MemorySegment mem = arena.allocate(1 << 20, 16);
    final Wasi wasi;
    private final Map<String, Wasi.Binding> fns = new HashMap<>();
    private int bump = 1024;

    Guest(Wasi wasi) {
        this.wasi = wasi;
        wasi.bindMemory(() -> mem);
        for (Wasi.Binding b : wasi.bindings()) fns.put(b.name(), b);
    }

    Map<String, Wasi.Binding> functions() { return fns; }

    synchronized int alloc(int size) {
        int p = (bump + 7) & ~7;
        bump = p + size;
        if (bump > mem.byteSize() - 4096) bump = 1024; // tests are short-lived: recycle the scratch area
        return p;
    }

    /** Guest bytes of {@code s} (no terminator); returns {ptr, len}. */
    int[] str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int p = alloc(b.length + 1);
        MemorySegment.copy(b, 0, mem, ValueLayout.JAVA_BYTE, p, b.length);
        return new int[] {p, b.length};
    }

    int bytes(byte[] b) {
        int p = alloc(b.length);
        MemorySegment.copy(b, 0, mem, ValueLayout.JAVA_BYTE, p, b.length);
        return p;
    }

    /** An iovec array of one buffer at {@code buf}; returns the array's address. */
    int iovec(int buf, int len) {
        int p = alloc(8);
        mem.set(U32, p, buf);
        mem.set(U32, p + 4, len);
        return p;
    }

    int u32(int p) { return mem.get(U32, p); }

    long u64(int p) { return mem.get(U64, p); }

    int u8(int p) { return mem.get(ValueLayout.JAVA_BYTE, p) & 0xFF; }

    int u16(int p) { return mem.get(ValueLayout.JAVA_SHORT_UNALIGNED, p) & 0xFFFF; }

    byte[] read(int p, int n) { return mem.asSlice(p, n).toArray(ValueLayout.JAVA_BYTE); }

    String string(int p, int n) { return new String(read(p, n), StandardCharsets.UTF_8); }

    /** Calls a preview1 function by name; Integer arguments are i32, Long are i64. Returns the errno. */
    int call(String name, Object... args) {
        Wasi.Binding b = fns.get(name);
        if (b == null) throw new IllegalArgumentException("no such function " + name);
        Value[] vs = new Value[args.length];
        for (int i = 0; i < args.length; i++) {
            vs[i] = args[i] instanceof Long l ? Value.i64(l) : Value.i32((Integer) args[i]);
            if (vs[i].type() != b.type().params().get(i)) throw new IllegalArgumentException(name + " param " + i);
        }
        if (vs.length != b.type().params().size()) throw new IllegalArgumentException(name + " arity");
        Value[] r = b.function().call(vs);
        return r.length == 0 ? -1 : ((Value.I32) r[0]).value();
    }

    /** path_open; returns the new fd, or -errno. */
    int open(int dirfd, String path, int oflags, long rights, int fdflags, boolean follow) {
        int[] s = str(path);
        int out = alloc(4);
        int e = call("path_open", dirfd, follow ? 1 : 0, s[0], s[1], oflags, rights, Abi.RIGHTS_ALL, fdflags, out);
        return e == 0 ? u32(out) : -e;
    }

    /** Rights wasi-libc asks for on open(O_RDONLY): everything but the writing ones. */
    static final long READ_RIGHTS = Abi.RIGHTS_ALL & ~(Abi.RIGHT_FD_DATASYNC | Abi.RIGHT_FD_WRITE
            | Abi.RIGHT_FD_ALLOCATE | Abi.RIGHT_FD_FILESTAT_SET_SIZE);

    int openRead(int dirfd, String path) { return open(dirfd, path, 0, READ_RIGHTS, 0, true); }

    /** Reads up to {@code max} bytes from fd; null on error. */
    byte[] readFd(int fd, int max) {
        int buf = alloc(max), iov = iovec(buf, max), n = alloc(4);
        int e = call("fd_read", fd, iov, 1, n);
        return e == 0 ? read(buf, u32(n)) : null;
    }

    int writeFd(int fd, byte[] data) {
        int buf = bytes(data), iov = iovec(buf, data.length), n = alloc(4);
        return call("fd_write", fd, iov, 1, n);
    }

    /** Calls a path function of shape (fd, path, path_len). */
    int pathCall(String fn, int fd, String path) {
        int[] s = str(path);
        return call(fn, fd, s[0], s[1]);
    }

    @Override
    public void close() {
        wasi.close();
        arena.close();
    }
}
