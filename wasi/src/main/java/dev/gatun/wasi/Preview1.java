package dev.gatun.wasi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The 46 functions of {@code wasi_snapshot_preview1}, each taking the core-Wasm parameters (i32 as int,
 * i64 as long, pointers as guest addresses) and returning the WASI errno. Guest memory is reached only
 * through {@link GuestMemory}, so everything here runs without an engine.
 */
final class Preview1 implements AutoCloseable {
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final List<byte[]> args;
    private final List<byte[]> env;
    private final TreeMap<Integer, Fd> fds = new TreeMap<>();
    private final SecureRandom random = new SecureRandom();
    private GuestMemory memory;

    Preview1(List<String> args, Map<String, String> env, InputStream stdin, OutputStream stdout,
            OutputStream stderr, byte stdinType, byte stdoutType, byte stderrType) {
        this.args = args.stream().map(Preview1::cString).toList();
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
        int fd = allocate();
        fds.put(fd, new Fd.Dir(sds, real, guestName, readOnly, base, rights & (Abi.RIGHTS_DIRECTORY | Abi.RIGHTS_FILE)));
        return fd;
    }

    private int allocate() {
        int fd = 0;
        for (int used : fds.keySet()) {
            if (used != fd) break;
            fd++;
        }
        return fd;
    }

    @Override
    public synchronized void close() {
        for (Fd f : fds.values()) {
            try { f.close(); } catch (IOException ignored) { /* closing everything regardless */ }
        }
        fds.clear();
    }

    // ---------------------------------------------------------------- memory helpers

    private MemorySegment mem() {
        if (memory == null) throw new IllegalStateException("WASI used before a memory was bound");
        return memory.segment();
    }

    private static long u(int ptr) { return Integer.toUnsignedLong(ptr); }

    private static int getI32(MemorySegment m, int ptr) { return m.get(U32, u(ptr)); }

    private static void putI32(MemorySegment m, int ptr, int v) { m.set(U32, u(ptr), v); }

    private static void putI64(MemorySegment m, long addr, long v) { m.set(U64, addr, v); }

    private static String string(MemorySegment m, int ptr, int len) {
        byte[] b = m.asSlice(u(ptr), u(len)).toArray(JAVA_BYTE);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** The buffers of an iovec/ciovec array, as byte buffers over guest memory (no copy). */
    private static ByteBuffer[] iovecs(MemorySegment m, int iovs, int count) {
        if (count < 0) throw new IndexOutOfBoundsException();
        ByteBuffer[] out = new ByteBuffer[count];
        for (int i = 0; i < count; i++) {
            long at = u(iovs) + 8L * i;
            long buf = Integer.toUnsignedLong(m.get(U32, at));
            long len = Integer.toUnsignedLong(m.get(U32, at + 4));
            out[i] = m.asSlice(buf, len).asByteBuffer();
        }
        return out;
    }

    private synchronized Fd fd(int fd) throws Errno.WasiError {
        Fd f = fds.get(fd);
        if (f == null) throw Errno.error(Errno.BADF);
        return f;
    }

    private Fd.Dir dir(int fd, long rights) throws Errno.WasiError {
        Fd f = fd(fd);
        if (!(f instanceof Fd.Dir d)) throw Errno.error(Errno.NOTDIR);
        f.require(rights);
        return d;
    }

    private Fd.File file(int fd, long rights) throws Errno.WasiError {
        Fd f = fd(fd);
        f.require(rights);
        if (f instanceof Fd.File file) return file;
        throw Errno.error(f instanceof Fd.Dir ? Errno.ISDIR : Errno.SPIPE);
    }

    // ---------------------------------------------------------------- args and environment

    int argsGet(int argv, int argvBuf) { return strings(args, argv, argvBuf); }

    int argsSizesGet(int argcPtr, int bufSizePtr) { return sizes(args, argcPtr, bufSizePtr); }

    int environGet(int environ, int environBuf) { return strings(env, environ, environBuf); }

    int environSizesGet(int countPtr, int bufSizePtr) { return sizes(env, countPtr, bufSizePtr); }

    private int strings(List<byte[]> list, int ptrs, int buf) {
        try {
            MemorySegment m = mem();
            long at = u(buf);
            for (int i = 0; i < list.size(); i++) {
                byte[] s = list.get(i);
                m.set(U32, u(ptrs) + 4L * i, (int) at);
                MemorySegment.copy(s, 0, m, JAVA_BYTE, at, s.length);
                at += s.length;
            }
            return Errno.SUCCESS;
        } catch (IndexOutOfBoundsException e) {
            return Errno.FAULT;
        }
    }

    private int sizes(List<byte[]> list, int countPtr, int sizePtr) {
        try {
            MemorySegment m = mem();
            long size = 0;
            for (byte[] s : list) size += s.length;
            putI32(m, countPtr, list.size());
            putI32(m, sizePtr, (int) size);
            return Errno.SUCCESS;
        } catch (IndexOutOfBoundsException e) {
            return Errno.FAULT;
        }
    }

    // ---------------------------------------------------------------- clocks

    private static long now(int clockId) throws Errno.WasiError {
        return switch (clockId) {
            case Abi.CLOCK_REALTIME -> {
                Instant t = Instant.now();
                yield t.getEpochSecond() * 1_000_000_000L + t.getNano();
            }
            case Abi.CLOCK_MONOTONIC -> System.nanoTime();
            case Abi.CLOCK_PROCESS_CPUTIME -> ProcessHandle.current().info().totalCpuDuration()
                    .map(d -> d.toNanos())
                    .orElseGet(() -> ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
            case Abi.CLOCK_THREAD_CPUTIME -> ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            default -> throw Errno.error(Errno.INVAL);
        };
    }

    private static long resolution(int clockId) throws Errno.WasiError {
        return switch (clockId) {
            case Abi.CLOCK_REALTIME, Abi.CLOCK_MONOTONIC, Abi.CLOCK_THREAD_CPUTIME -> 1L;
            // The JDK reads process CPU time from /proc in clock ticks (USER_HZ = 100 on Linux).
            case Abi.CLOCK_PROCESS_CPUTIME -> 10_000_000L;
            default -> throw Errno.error(Errno.INVAL);
        };
    }

    int clockResGet(int clockId, int resPtr) {
        try {
            long r = resolution(clockId);
            putI64(mem(), u(resPtr), r);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int clockTimeGet(int clockId, long precision, int timePtr) {
        try {
            long t = now(clockId);
            putI64(mem(), u(timePtr), t);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    // ---------------------------------------------------------------- fd_* calls

    int fdAdvise(int fd, long offset, long len, int advice) {
        try {
            Fd f = fd(fd);
            f.require(Abi.RIGHT_FD_ADVISE);
            if (advice < 0 || advice > 5 || offset < 0 || len < 0) return Errno.INVAL;
            // Advice is a hint; java.nio has no posix_fadvise, and ignoring it is always correct.
            return f instanceof Fd.File ? Errno.SUCCESS : f instanceof Fd.Dir ? Errno.ISDIR : Errno.SPIPE;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int fdAllocate(int fd, long offset, long len) {
        try {
            Fd.File f = file(fd, Abi.RIGHT_FD_ALLOCATE);
            if (offset < 0 || len < 0 || offset + len < 0) return Errno.INVAL;
            long end = offset + len;
            if (end > f.channel.size()) extend(f.channel, end);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    /** Grows a file to {@code size} bytes with zeros, as ftruncate would. */
    private static void extend(FileChannel ch, long size) throws IOException {
        ch.write(ByteBuffer.wrap(new byte[1]), size - 1);
    }

    int fdClose(int fd) {
        Fd f;
        synchronized (this) {
            f = fds.remove(fd);
        }
        if (f == null) return Errno.BADF;
        try {
            f.close();
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int fdDatasync(int fd) {
        try {
            Fd f = fd(fd);
            f.require(Abi.RIGHT_FD_DATASYNC);
            return sync(f, false);
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int fdSync(int fd) {
        try {
            Fd f = fd(fd);
            f.require(Abi.RIGHT_FD_SYNC);
            return sync(f, true);
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    private static int sync(Fd f, boolean metadata) throws IOException {
        switch (f) {
            case Fd.File file -> file.channel.force(metadata);
            case Fd.Stdio s -> {
                if (s.out != null) s.out.flush();
                else return Errno.INVAL;
            }
            case Fd.Dir d -> { /* directory metadata is written through by the host kernel */ }
        }
        return Errno.SUCCESS;
    }

    int fdFdstatGet(int fd, int ptr) {
        try {
            Fd f = fd(fd);
            MemorySegment m = mem();
            long at = u(ptr);
            m.set(JAVA_BYTE, at, f.filetype());
            m.set(JAVA_BYTE, at + 1, (byte) 0);
            m.set(U16, at + 2, (short) f.fdflags);
            m.set(U32, at + 4, 0);
            putI64(m, at + 8, f.rightsBase);
            putI64(m, at + 16, f.rightsInheriting);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int fdFdstatSetFlags(int fd, int flags) {
        try {
            Fd f = fd(fd);
            f.require(Abi.RIGHT_FD_FDSTAT_SET_FLAGS);
            if ((flags & ~0x1F) != 0) return Errno.INVAL;
            // Only APPEND and NONBLOCK can change after open (as fcntl(F_SETFL) on Linux); sync modes cannot.
            int changeable = Abi.FDFLAGS_APPEND | Abi.FDFLAGS_NONBLOCK;
            if (((flags ^ f.fdflags) & ~changeable) != 0) return Errno.NOTSUP;
            if (f instanceof Fd.File file && file.readOnlyPreopen && (flags & Abi.FDFLAGS_APPEND) != 0) return Errno.ROFS;
            f.fdflags = flags;
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int fdFdstatSetRights(int fd, long base, long inheriting) {
        try {
            Fd f = fd(fd);
            // Rights only ever shrink.
            if ((base & ~f.rightsBase) != 0 || (inheriting & ~f.rightsInheriting) != 0) return Errno.NOTCAPABLE;
            f.rightsBase = base;
            f.rightsInheriting = inheriting;
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int fdFilestatGet(int fd, int ptr) {
        try {
            Fd f = fd(fd);
            f.require(Abi.RIGHT_FD_FILESTAT_GET);
            MemorySegment m = mem();
            switch (f) {
                case Fd.Stdio s -> writeFilestat(m, ptr, 0, 0, s.filetype, 1, 0, 0, 0, 0);
                case Fd.File file -> {
                    BasicFileAttributes a = sameFile(file);
                    // The size comes from the open channel: authoritative even if the name was since reused.
                    if (a != null) writeFilestat(m, ptr, a, file.channel.size(), Abi.FILETYPE_REGULAR_FILE, null);
                    else {
                        long[] di = Sandbox.devIno(file.fileKey);
                        writeFilestat(m, ptr, di[0], di[1], Abi.FILETYPE_REGULAR_FILE, 1, file.channel.size(), 0, 0, 0);
                    }
                }
                case Fd.Dir d -> {
                    BasicFileAttributes a = d.stream.getFileAttributeView(BasicFileAttributeView.class).readAttributes();
                    writeFilestat(m, ptr, a, a.size(), Abi.FILETYPE_DIRECTORY, d.hostPath);
                }
            }
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    /** The attributes of an open file looked up by its name in its directory, or null if the name now holds another file. */
    private static BasicFileAttributes sameFile(Fd.File f) throws IOException {
        BasicFileAttributes a = Sandbox.lstat(f.parent, f.name);
        return a != null && f.fileKey != null && f.fileKey.equals(a.fileKey()) ? a : null;
    }

    private static void writeFilestat(MemorySegment m, int ptr, BasicFileAttributes a, long size, byte type, Path host) {
        long[] di = Sandbox.devIno(a);
        long nlink = 1;
        long ctime = nanos(a.lastModifiedTime());
        if (host != null) {
            try {
                // By host path, so used only if that path still names the file the handle found.
                Map<String, Object> u = Files.readAttributes(host, "unix:nlink,ctime,ino,dev", Sandbox.NOFOLLOW);
                if (((Number) u.get("ino")).longValue() == di[1] && ((Number) u.get("dev")).longValue() == di[0]) {
                    nlink = ((Number) u.get("nlink")).longValue();
                    ctime = nanos((FileTime) u.get("ctime"));
                }
            } catch (Exception ignored) {
                // The unix view is best effort: link count and ctime are informational.
            }
        }
        writeFilestat(m, ptr, di[0], di[1], type, nlink, size, nanos(a.lastAccessTime()), nanos(a.lastModifiedTime()), ctime);
    }

    private static void writeFilestat(MemorySegment m, int ptr, long dev, long ino, byte type, long nlink, long size,
            long atim, long mtim, long ctim) {
        long at = u(ptr);
        m.asSlice(at, 64).fill((byte) 0);
        putI64(m, at, dev);
        putI64(m, at + 8, ino);
        m.set(JAVA_BYTE, at + 16, type);
        putI64(m, at + 24, nlink);
        putI64(m, at + 32, size);
        putI64(m, at + 40, atim);
        putI64(m, at + 48, mtim);
        putI64(m, at + 56, ctim);
    }

    private static long nanos(FileTime t) {
        Instant i = t.toInstant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    int fdFilestatSetSize(int fd, long size) {
        try {
            Fd.File f = file(fd, Abi.RIGHT_FD_FILESTAT_SET_SIZE);
            if (f.readOnlyPreopen) return Errno.ROFS;
            if (size < 0) return Errno.INVAL;
            long cur = f.channel.size();
            if (size < cur) f.channel.truncate(size);
            else if (size > cur) extend(f.channel, size);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int fdFilestatSetTimes(int fd, long atim, long mtim, int fstFlags) {
        try {
            Fd f = fd(fd);
            f.require(Abi.RIGHT_FD_FILESTAT_SET_TIMES);
            BasicFileAttributeView view = switch (f) {
                case Fd.File file -> {
                    if (file.readOnlyPreopen) throw Errno.error(Errno.ROFS);
                    // Renamed or replaced since open: its name no longer reaches it, and we have no futimens.
                    if (sameFile(file) == null) throw Errno.error(Errno.NOTSUP);
                    yield file.parent.getFileAttributeView(file.name, BasicFileAttributeView.class, Sandbox.NOFOLLOW);
                }
                case Fd.Dir d -> {
                    if (d.readOnly) throw Errno.error(Errno.ROFS);
                    yield d.stream.getFileAttributeView(BasicFileAttributeView.class);
                }
                case Fd.Stdio s -> throw Errno.error(Errno.BADF);
            };
            return setTimes(view, atim, mtim, fstFlags);
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    private static int setTimes(BasicFileAttributeView view, long atim, long mtim, int flags) throws IOException {
        if ((flags & ~0xF) != 0) return Errno.INVAL;
        if ((flags & Abi.FSTFLAGS_ATIM) != 0 && (flags & Abi.FSTFLAGS_ATIM_NOW) != 0) return Errno.INVAL;
        if ((flags & Abi.FSTFLAGS_MTIM) != 0 && (flags & Abi.FSTFLAGS_MTIM_NOW) != 0) return Errno.INVAL;
        FileTime now = FileTime.from(Instant.now());
        FileTime a = (flags & Abi.FSTFLAGS_ATIM_NOW) != 0 ? now
                : (flags & Abi.FSTFLAGS_ATIM) != 0 ? FileTime.from(atim, TimeUnit.NANOSECONDS) : null;
        FileTime mt = (flags & Abi.FSTFLAGS_MTIM_NOW) != 0 ? now
                : (flags & Abi.FSTFLAGS_MTIM) != 0 ? FileTime.from(mtim, TimeUnit.NANOSECONDS) : null;
        // null leaves a time unchanged (UTIME_OMIT).
        view.setTimes(mt, a, null);
        return Errno.SUCCESS;
    }

    int fdPread(int fd, int iovs, int iovsLen, long offset, int nreadPtr) {
        try {
            Fd.File f = file(fd, Abi.RIGHT_FD_READ | Abi.RIGHT_FD_SEEK);
            if (offset < 0) return Errno.INVAL;
            MemorySegment m = mem();
            long total = 0;
            for (ByteBuffer b : iovecs(m, iovs, iovsLen)) {
                int want = b.remaining();
                int n = f.channel.read(b, offset + total);
                if (n <= 0) break;
                total += n;
                if (n < want) break;
            }
            putI32(m, nreadPtr, (int) total);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int fdPwrite(int fd, int iovs, int iovsLen, long offset, int nwrittenPtr) {
        try {
            Fd.File f = file(fd, Abi.RIGHT_FD_WRITE | Abi.RIGHT_FD_SEEK);
            if (f.readOnlyPreopen) return Errno.ROFS;
            if (offset < 0) return Errno.INVAL;
            MemorySegment m = mem();
            long total = 0;
            for (ByteBuffer b : iovecs(m, iovs, iovsLen)) {
                while (b.hasRemaining()) total += f.channel.write(b, offset + total);
            }
            putI32(m, nwrittenPtr, (int) total);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int fdPrestatGet(int fd, int ptr) {
        try {
            Fd f = fd(fd);
            if (!(f instanceof Fd.Dir d) || d.preopenName == null) return Errno.BADF;
            MemorySegment m = mem();
            putI32(m, ptr, 0); // tag 0: a directory
            putI32(m, ptr + 4, d.preopenName.getBytes(StandardCharsets.UTF_8).length);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int fdPrestatDirName(int fd, int path, int pathLen) {
        try {
            Fd f = fd(fd);
            if (!(f instanceof Fd.Dir d) || d.preopenName == null) return Errno.BADF;
            byte[] name = d.preopenName.getBytes(StandardCharsets.UTF_8);
            if (Integer.toUnsignedLong(pathLen) < name.length) return Errno.NAMETOOLONG;
            MemorySegment.copy(name, 0, mem(), JAVA_BYTE, u(path), name.length);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int fdRead(int fd, int iovs, int iovsLen, int nreadPtr) {
        try {
            Fd f = fd(fd);
            f.require(Abi.RIGHT_FD_READ);
            MemorySegment m = mem();
            ByteBuffer[] bufs = iovecs(m, iovs, iovsLen);
            long total = 0;
            switch (f) {
                case Fd.File file -> {
                    long n = file.channel.read(bufs);
                    total = Math.max(n, 0);
                }
                case Fd.Stdio s -> {
                    if (s.in == null) return Errno.BADF;
                    for (ByteBuffer b : bufs) {
                        int want = b.remaining();
                        if (want == 0) continue;
                        byte[] tmp = new byte[want];
                        int n = s.in.read(tmp);
                        if (n <= 0) break;
                        b.put(tmp, 0, n);
                        total += n;
                        // Return what one read gave rather than block for more, as read(2) on a pipe.
                        if (n < want) break;
                    }
                }
                case Fd.Dir d -> { return Errno.ISDIR; }
            }
            putI32(m, nreadPtr, (int) total);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int fdWrite(int fd, int iovs, int iovsLen, int nwrittenPtr) {
        try {
            Fd f = fd(fd);
            f.require(Abi.RIGHT_FD_WRITE);
            MemorySegment m = mem();
            ByteBuffer[] bufs = iovecs(m, iovs, iovsLen);
            long total = 0;
            switch (f) {
                case Fd.File file -> {
                    if (file.readOnlyPreopen) return Errno.ROFS;
                    if ((file.fdflags & Abi.FDFLAGS_APPEND) != 0) file.channel.position(file.channel.size());
                    for (ByteBuffer b : bufs) {
                        while (b.hasRemaining()) total += file.channel.write(b);
                    }
                }
                case Fd.Stdio s -> {
                    if (s.out == null) return Errno.BADF;
                    for (ByteBuffer b : bufs) {
                        int n = b.remaining();
                        if (n == 0) continue;
                        byte[] tmp = new byte[n];
                        b.get(tmp);
                        s.out.write(tmp);
                        total += n;
                    }
                    s.out.flush();
                }
                case Fd.Dir d -> { return Errno.ISDIR; }
            }
            putI32(m, nwrittenPtr, (int) total);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int fdReaddir(int fd, int buf, int bufLen, long cookie, int bufusedPtr) {
        try {
            Fd.Dir d = dir(fd, Abi.RIGHT_FD_READDIR);
            if (cookie < 0) return Errno.INVAL;
            List<Sandbox.DirEntry> entries;
            synchronized (d) {
                if (cookie == 0 || d.listing == null) d.listing = list(d);
                entries = d.listing;
            }
            MemorySegment m = mem();
            long at = u(buf), end = at + Integer.toUnsignedLong(bufLen);
            for (long i = cookie; i < entries.size() && at < end; i++) {
                Sandbox.DirEntry e = entries.get((int) i);
                byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
                byte[] header = new byte[24];
                ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
                h.putLong(0, i + 1).putLong(8, e.ino()).putInt(16, name.length).put(20, e.type());
                // The last entry may be cut short: the caller sees bufused == buf_len and retries bigger.
                int n = (int) Math.min(24, end - at);
                MemorySegment.copy(header, 0, m, JAVA_BYTE, at, n);
                at += n;
                n = (int) Math.min(name.length, end - at);
                MemorySegment.copy(name, 0, m, JAVA_BYTE, at, n);
                at += n;
            }
            putI32(m, bufusedPtr, (int) (at - u(buf)));
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    /** ".", ".." and the directory's entries, read through a fresh handle on the same directory. */
    private static List<Sandbox.DirEntry> list(Fd.Dir d) throws IOException {
        List<Sandbox.DirEntry> out = new ArrayList<>();
        BasicFileAttributes self = d.stream.getFileAttributeView(BasicFileAttributeView.class).readAttributes();
        out.add(new Sandbox.DirEntry(".", Sandbox.devIno(self)[1], Abi.FILETYPE_DIRECTORY));
        // ".." is listed with no inode: its identity lies outside the capability when d is a preopen.
        out.add(new Sandbox.DirEntry("..", 0, Abi.FILETYPE_DIRECTORY));
        try (SecureDirectoryStream<Path> s = (SecureDirectoryStream<Path>) d.stream.newDirectoryStream(Path.of("."), Sandbox.NOFOLLOW)) {
            for (Path p : s) {
                Path name = p.getFileName();
                BasicFileAttributes a = Sandbox.lstat(s, name);
                if (a == null) continue; // removed while listing
                out.add(new Sandbox.DirEntry(name.toString(), Sandbox.devIno(a)[1], Sandbox.filetype(a)));
            }
        }
        return out;
    }

    int fdRenumber(int from, int to) {
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

    int fdSeek(int fd, long offset, int whence, int newOffsetPtr) {
        try {
            Fd f = fd(fd);
            // A pure tell (offset 0 from the current position) needs only FD_TELL.
            f.require(whence == Abi.WHENCE_CUR && offset == 0 ? Abi.RIGHT_FD_TELL : Abi.RIGHT_FD_SEEK);
            if (!(f instanceof Fd.File file)) return f instanceof Fd.Dir ? Errno.BADF : Errno.SPIPE;
            long base = switch (whence) {
                case Abi.WHENCE_SET -> 0;
                case Abi.WHENCE_CUR -> file.channel.position();
                case Abi.WHENCE_END -> file.channel.size();
                default -> throw Errno.error(Errno.INVAL);
            };
            long pos = base + offset;
            if (pos < 0) return Errno.INVAL;
            file.channel.position(pos);
            putI64(mem(), u(newOffsetPtr), pos);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int fdTell(int fd, int offsetPtr) {
        try {
            Fd.File f = file(fd, Abi.RIGHT_FD_TELL);
            putI64(mem(), u(offsetPtr), f.channel.position());
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    // ---------------------------------------------------------------- path_* calls

    int pathCreateDirectory(int fd, int path, int pathLen) {
        try {
            Fd.Dir d = dir(fd, Abi.RIGHT_PATH_CREATE_DIRECTORY);
            if (d.readOnly) return Errno.ROFS;
            try (Sandbox.Resolved r = Sandbox.resolve(d, string(mem(), path, pathLen), false)) {
                if (r.name.equals(".")) return Errno.EXIST;
                if (r.lstat() != null) return Errno.EXIST;
                Files.createDirectory(Sandbox.anchored(r));
                return Errno.SUCCESS;
            }
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int pathFilestatGet(int fd, int flags, int path, int pathLen, int bufPtr) {
        try {
            Fd.Dir d = dir(fd, Abi.RIGHT_PATH_FILESTAT_GET);
            MemorySegment m = mem();
            try (Sandbox.Resolved r = Sandbox.resolve(d, string(m, path, pathLen), (flags & Abi.LOOKUPFLAGS_SYMLINK_FOLLOW) != 0)) {
                BasicFileAttributes a = r.lstat();
                if (a == null) return Errno.NOENT;
                if (r.trailingSlash && !a.isDirectory()) return Errno.NOTDIR;
                writeFilestat(m, bufPtr, a, a.size(), Sandbox.filetype(a), r.host());
                return Errno.SUCCESS;
            }
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int pathFilestatSetTimes(int fd, int flags, int path, int pathLen, long atim, long mtim, int fstFlags) {
        try {
            Fd.Dir d = dir(fd, Abi.RIGHT_PATH_FILESTAT_SET_TIMES);
            if (d.readOnly) return Errno.ROFS;
            try (Sandbox.Resolved r = Sandbox.resolve(d, string(mem(), path, pathLen), (flags & Abi.LOOKUPFLAGS_SYMLINK_FOLLOW) != 0)) {
                if (r.lstat() == null) return Errno.NOENT;
                return setTimes(r.dir.getFileAttributeView(r.rel(), BasicFileAttributeView.class, Sandbox.NOFOLLOW), atim, mtim, fstFlags);
            }
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int pathLink(int oldFd, int oldFlags, int oldPath, int oldPathLen, int newFd, int newPath, int newPathLen) {
        try {
            Fd.Dir od = dir(oldFd, Abi.RIGHT_PATH_LINK_SOURCE);
            Fd.Dir nd = dir(newFd, Abi.RIGHT_PATH_LINK_TARGET);
            if (od.readOnly || nd.readOnly) return Errno.ROFS;
            MemorySegment m = mem();
            try (Sandbox.Resolved src = Sandbox.resolve(od, string(m, oldPath, oldPathLen), (oldFlags & Abi.LOOKUPFLAGS_SYMLINK_FOLLOW) != 0);
                    Sandbox.Resolved dst = Sandbox.resolve(nd, string(m, newPath, newPathLen), false)) {
                BasicFileAttributes a = src.lstat();
                if (a == null) return Errno.NOENT;
                if (a.isDirectory()) return Errno.PERM;
                if (dst.name.equals(".") || dst.lstat() != null) return Errno.EXIST;
                Files.createLink(Sandbox.anchored(dst), Sandbox.anchored(src));
                return Errno.SUCCESS;
            }
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int pathOpen(int fd, int dirflags, int path, int pathLen, int oflags, long rightsBase, long rightsInheriting,
            int fdflags, int fdPtr) {
        try {
            Fd.Dir d = dir(fd, Abi.RIGHT_PATH_OPEN);
            if ((oflags & ~0xF) != 0 || (fdflags & ~0x1F) != 0) return Errno.INVAL;
            boolean creat = (oflags & Abi.OFLAGS_CREAT) != 0;
            boolean trunc = (oflags & Abi.OFLAGS_TRUNC) != 0;
            if (creat) d.require(Abi.RIGHT_PATH_CREATE_FILE);
            if (trunc) d.require(Abi.RIGHT_PATH_FILESTAT_SET_SIZE);
            // A new descriptor gets at most what this directory may hand down.
            long base = rightsBase & d.rightsInheriting;
            long inheriting = rightsInheriting & d.rightsInheriting;
            boolean wantsWrite = (base & (Abi.RIGHT_FD_WRITE | Abi.RIGHT_FD_ALLOCATE | Abi.RIGHT_FD_FILESTAT_SET_SIZE)) != 0
                    || (fdflags & Abi.FDFLAGS_APPEND) != 0;
            if (d.readOnly && (creat || trunc || (fdflags & Abi.FDFLAGS_APPEND) != 0)) return Errno.ROFS;
            MemorySegment m = mem();
            String guestPath = string(m, path, pathLen);
            try (Sandbox.Resolved r = Sandbox.resolve(d, guestPath, (dirflags & Abi.LOOKUPFLAGS_SYMLINK_FOLLOW) != 0)) {
                BasicFileAttributes a = r.lstat();
                boolean directoryWanted = (oflags & Abi.OFLAGS_DIRECTORY) != 0 || r.trailingSlash;
                if (a != null && creat && (oflags & Abi.OFLAGS_EXCL) != 0) return Errno.EXIST;
                if (a != null && a.isSymbolicLink()) {
                    // Reached only without SYMLINK_FOLLOW: open(O_NOFOLLOW) on a symlink.
                    return directoryWanted ? Errno.NOTDIR : Errno.LOOP;
                }
                Fd opened;
                if (a != null && a.isDirectory()) {
                    if (wantsWrite || trunc) return Errno.ISDIR;
                    SecureDirectoryStream<Path> child = (SecureDirectoryStream<Path>) r.dir.newDirectoryStream(r.rel(), Sandbox.NOFOLLOW);
                    opened = new Fd.Dir(child, r.host(), null, d.readOnly,
                            base & Abi.RIGHTS_DIRECTORY, inheriting);
                } else {
                    if (a == null && !creat) return Errno.NOENT;
                    if (directoryWanted) return a == null ? Errno.NOENT : Errno.NOTDIR;
                    if (r.name.equals(".")) return Errno.ISDIR;
                    Set<OpenOption> opts = new HashSet<>();
                    opts.add(java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    boolean wantsRead = (base & (Abi.RIGHT_FD_READ | Abi.RIGHT_FD_READDIR)) != 0;
                    if (wantsRead || !wantsWrite) opts.add(StandardOpenOption.READ);
                    // The JDK creates and truncates only for writers.
                    if (wantsWrite || creat || trunc) opts.add(StandardOpenOption.WRITE);
                    if (creat) opts.add((oflags & Abi.OFLAGS_EXCL) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
                    if (trunc) opts.add(StandardOpenOption.TRUNCATE_EXISTING);
                    if ((fdflags & (Abi.FDFLAGS_SYNC | Abi.FDFLAGS_RSYNC)) != 0) opts.add(StandardOpenOption.SYNC);
                    if ((fdflags & Abi.FDFLAGS_DSYNC) != 0) opts.add(StandardOpenOption.DSYNC);
                    FileChannel ch = (FileChannel) r.dir.newByteChannel(r.rel(), opts);
                    SecureDirectoryStream<Path> parent;
                    BasicFileAttributes now;
                    try {
                        // A handle of its own on the containing directory, for later metadata calls.
                        parent = (SecureDirectoryStream<Path>) r.dir.newDirectoryStream(Path.of("."), Sandbox.NOFOLLOW);
                        now = r.lstat();
                    } catch (IOException | RuntimeException e) {
                        ch.close();
                        throw e;
                    }
                    opened = new Fd.File(ch, parent, r.rel(), now == null ? null : now.fileKey(),
                            base & Abi.RIGHTS_FILE, inheriting, fdflags, d.readOnly);
                }
                if (opened instanceof Fd.Dir) opened.fdflags = fdflags;
                int newFd;
                synchronized (this) {
                    newFd = allocate();
                    fds.put(newFd, opened);
                }
                try {
                    putI32(m, fdPtr, newFd);
                } catch (IndexOutOfBoundsException e) {
                    fdClose(newFd);
                    return Errno.FAULT;
                }
                return Errno.SUCCESS;
            }
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int pathReadlink(int fd, int path, int pathLen, int buf, int bufLen, int bufusedPtr) {
        try {
            Fd.Dir d = dir(fd, Abi.RIGHT_PATH_READLINK);
            MemorySegment m = mem();
            try (Sandbox.Resolved r = Sandbox.resolve(d, string(m, path, pathLen), false)) {
                BasicFileAttributes a = r.lstat();
                if (a == null) return Errno.NOENT;
                if (!a.isSymbolicLink()) return Errno.INVAL;
                byte[] target = Files.readSymbolicLink(Sandbox.anchored(r)).toString().getBytes(StandardCharsets.UTF_8);
                int n = (int) Math.min(target.length, Integer.toUnsignedLong(bufLen));
                MemorySegment.copy(target, 0, m, JAVA_BYTE, u(buf), n);
                putI32(m, bufusedPtr, n);
                return Errno.SUCCESS;
            }
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int pathRemoveDirectory(int fd, int path, int pathLen) {
        try {
            Fd.Dir d = dir(fd, Abi.RIGHT_PATH_REMOVE_DIRECTORY);
            if (d.readOnly) return Errno.ROFS;
            try (Sandbox.Resolved r = Sandbox.resolve(d, string(mem(), path, pathLen), false)) {
                if (r.name.equals(".")) return Errno.INVAL;
                BasicFileAttributes a = r.lstat();
                if (a == null) return Errno.NOENT;
                if (!a.isDirectory()) return Errno.NOTDIR;
                r.dir.deleteDirectory(r.rel()); // unlinkat(AT_REMOVEDIR) relative to the handle
                return Errno.SUCCESS;
            }
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int pathRename(int fd, int oldPath, int oldPathLen, int newFd, int newPath, int newPathLen) {
        try {
            Fd.Dir od = dir(fd, Abi.RIGHT_PATH_RENAME_SOURCE);
            Fd.Dir nd = dir(newFd, Abi.RIGHT_PATH_RENAME_TARGET);
            if (od.readOnly || nd.readOnly) return Errno.ROFS;
            MemorySegment m = mem();
            try (Sandbox.Resolved src = Sandbox.resolve(od, string(m, oldPath, oldPathLen), false);
                    Sandbox.Resolved dst = Sandbox.resolve(nd, string(m, newPath, newPathLen), false)) {
                if (src.name.equals(".") || dst.name.equals(".")) return Errno.BUSY;
                BasicFileAttributes a = src.lstat();
                if (a == null) return Errno.NOENT;
                BasicFileAttributes b = dst.lstat();
                if (b != null) {
                    if (a.isDirectory() && !b.isDirectory()) return Errno.NOTDIR;
                    if (!a.isDirectory() && b.isDirectory()) return Errno.ISDIR;
                }
                if ((src.trailingSlash || dst.trailingSlash) && !a.isDirectory()) return Errno.NOTDIR;
                // renameat between two handles: neither side is looked up by host path.
                src.dir.move(src.rel(), dst.dir, dst.rel());
                return Errno.SUCCESS;
            }
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int pathSymlink(int oldPath, int oldPathLen, int fd, int newPath, int newPathLen) {
        try {
            Fd.Dir d = dir(fd, Abi.RIGHT_PATH_SYMLINK);
            if (d.readOnly) return Errno.ROFS;
            MemorySegment m = mem();
            String target = string(m, oldPath, oldPathLen);
            // An absolute target could only ever point out of the sandbox.
            if (target.startsWith("/")) return Errno.NOTCAPABLE;
            if (target.isEmpty()) return Errno.NOENT;
            try (Sandbox.Resolved r = Sandbox.resolve(d, string(m, newPath, newPathLen), false)) {
                if (r.name.equals(".") || r.lstat() != null) return Errno.EXIST;
                Files.createSymbolicLink(Sandbox.anchored(r), Path.of(target));
                return Errno.SUCCESS;
            }
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int pathUnlinkFile(int fd, int path, int pathLen) {
        try {
            Fd.Dir d = dir(fd, Abi.RIGHT_PATH_UNLINK_FILE);
            if (d.readOnly) return Errno.ROFS;
            try (Sandbox.Resolved r = Sandbox.resolve(d, string(mem(), path, pathLen), false)) {
                if (r.name.equals(".")) return Errno.ISDIR;
                BasicFileAttributes a = r.lstat();
                if (a == null) return Errno.NOENT;
                if (a.isDirectory()) return Errno.ISDIR;
                if (r.trailingSlash) return Errno.NOTDIR;
                r.dir.deleteFile(r.rel()); // unlinkat relative to the handle
                return Errno.SUCCESS;
            }
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    // ---------------------------------------------------------------- poll, process, random, sockets

    int pollOneoff(int in, int out, int nsubscriptions, int neventsPtr) {
        try {
            if (nsubscriptions <= 0) return Errno.INVAL;
            MemorySegment m = mem();
            long inAt = u(in), outAt = u(out);
            m.asSlice(inAt, 48L * nsubscriptions);
            m.asSlice(outAt, 32L * nsubscriptions);
            int events = 0;
            long start = System.nanoTime();
            long[] deadline = new long[nsubscriptions]; // relative to start; -1 for non-clock subscriptions
            long earliest = Long.MAX_VALUE;
            for (int i = 0; i < nsubscriptions; i++) {
                long s = inAt + 48L * i;
                long userdata = m.get(U64, s);
                int tag = m.get(JAVA_BYTE, s + 8) & 0xFF;
                deadline[i] = -1;
                switch (tag) {
                    case Abi.EVENTTYPE_CLOCK -> {
                        int clock = m.get(U32, s + 16);
                        long timeout = m.get(U64, s + 24);
                        int flags = m.get(U16, s + 40) & 0xFFFF;
                        long rel;
                        try {
                            rel = (flags & Abi.SUBCLOCKFLAGS_ABSTIME) != 0 ? timeout - now(clock) : timeout;
                            resolution(clock);
                        } catch (Errno.WasiError e) {
                            events = event(m, outAt, events, userdata, e.errno, tag, 0, 0);
                            continue;
                        }
                        deadline[i] = Math.max(0, rel);
                        earliest = Math.min(earliest, deadline[i]);
                    }
                    case Abi.EVENTTYPE_FD_READ, Abi.EVENTTYPE_FD_WRITE -> {
                        int fdn = m.get(U32, s + 16);
                        int errno = Errno.SUCCESS;
                        long nbytes = 0;
                        int flags = 0;
                        try {
                            Fd f = fd(fdn);
                            f.require(Abi.RIGHT_POLL_FD_READWRITE);
                            if (tag == Abi.EVENTTYPE_FD_READ) {
                                f.require(Abi.RIGHT_FD_READ);
                                nbytes = switch (f) {
                                    case Fd.File file -> Math.max(0, file.channel.size() - file.channel.position());
                                    case Fd.Stdio st -> st.in.available();
                                    case Fd.Dir dd -> throw Errno.error(Errno.ISDIR);
                                };
                            } else {
                                f.require(Abi.RIGHT_FD_WRITE);
                                if (f instanceof Fd.Dir) throw Errno.error(Errno.ISDIR);
                            }
                        } catch (Exception e) {
                            errno = Errno.of(e);
                        }
                        // Files and the embedder's streams are always ready: a read or write will not wait.
                        events = event(m, outAt, events, userdata, errno, tag, nbytes, flags);
                    }
                    default -> events = event(m, outAt, events, userdata, Errno.INVAL, tag, 0, 0);
                }
            }
            if (events == 0 && earliest != Long.MAX_VALUE) {
                long wakeAt = start + earliest;
                for (long left; (left = wakeAt - System.nanoTime()) > 0; ) LockSupport.parkNanos(left);
                if (Thread.interrupted()) Thread.currentThread().interrupt();
                long elapsed = System.nanoTime() - start;
                for (int i = 0; i < nsubscriptions; i++) {
                    if (deadline[i] >= 0 && deadline[i] <= elapsed) {
                        long s = inAt + 48L * i;
                        events = event(m, outAt, events, m.get(U64, s), Errno.SUCCESS, Abi.EVENTTYPE_CLOCK, 0, 0);
                    }
                }
            }
            putI32(m, neventsPtr, events);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    private static int event(MemorySegment m, long outAt, int index, long userdata, int errno, int type,
            long nbytes, int flags) {
        long e = outAt + 32L * index;
        m.asSlice(e, 32).fill((byte) 0);
        m.set(U64, e, userdata);
        m.set(U16, e + 8, (short) errno);
        m.set(JAVA_BYTE, e + 10, (byte) type);
        m.set(U64, e + 16, nbytes);
        m.set(U16, e + 24, (short) flags);
        return index + 1;
    }

    /** proc_exit: never returns; the exception unwinds the guest. */
    void procExit(int code) {
        flushStdio();
        throw new WasiExit(code);
    }

    void flushStdio() {
        for (int i = 1; i <= 2; i++) {
            if (fds.get(i) instanceof Fd.Stdio s && s.out != null) {
                try { s.out.flush(); } catch (IOException ignored) { /* best effort at exit */ }
            }
        }
    }

    /**
     * proc_raise: the guest has no signal handlers (preview1 cannot install any), so each signal takes its
     * default action: ignored signals do nothing, terminating ones end the program with 128 + the POSIX number.
     */
    int procRaise(int sig) {
        return switch (sig) {
            case 0 -> Errno.SUCCESS;
            case 16, 17, 22, 27 -> Errno.SUCCESS; // CHLD, CONT, URG, WINCH: ignored by default
            case 18, 19, 20, 21 -> Errno.NOTSUP;  // STOP, TSTP, TTIN, TTOU: a sandbox cannot stop its host
            default -> {
                if (sig < 0 || sig > 30) yield Errno.INVAL;
                int posix = sig <= 15 ? sig : sig + 1; // witx numbering skips POSIX's 16 (STKFLT)
                flushStdio();
                throw new WasiExit(128 + posix);
            }
        };
    }

    int schedYield() {
        Thread.yield();
        return Errno.SUCCESS;
    }

    int randomGet(int buf, int bufLen) {
        try {
            MemorySegment m = mem();
            long at = u(buf), len = Integer.toUnsignedLong(bufLen);
            m.asSlice(at, len);
            byte[] chunk = new byte[(int) Math.min(len, 65536)];
            for (long done = 0; done < len; ) {
                int n = (int) Math.min(chunk.length, len - done);
                random.nextBytes(chunk);
                MemorySegment.copy(chunk, 0, m, JAVA_BYTE, at + done, n);
                done += n;
            }
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    /** No descriptor is ever a socket here (no preopened sockets): a valid fd gets ENOTSOCK's kin, ENOTSUP. */
    private int socket(int fd) {
        try {
            fd(fd);
            return Errno.NOTSUP;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int sockAccept(int fd, int flags, int fdPtr) { return socket(fd); }

    int sockRecv(int fd, int riData, int riDataLen, int riFlags, int roDatalenPtr, int roFlagsPtr) { return socket(fd); }

    int sockSend(int fd, int siData, int siDataLen, int siFlags, int soDatalenPtr) { return socket(fd); }

    int sockShutdown(int fd, int how) { return socket(fd); }

    /** For tests: the descriptor numbers currently open. */
    synchronized Set<Integer> openFds() { return Set.copyOf(fds.keySet()); }

}
