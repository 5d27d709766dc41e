package dev.gatun.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each preview1 function called through its host-function adapter against a test memory. */
class Preview1FunctionsTest {
    @TempDir Path root;
    Guest g;
    final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    static final int DIR = 3;
    static final long RW = Guest.READ_RIGHTS | Abi.RIGHT_FD_WRITE | Abi.RIGHT_FD_DATASYNC | Abi.RIGHT_FD_ALLOCATE
            | Abi.RIGHT_FD_FILESTAT_SET_SIZE;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(root.resolve("hello.txt"), "hello, world\n");
        Files.createDirectories(root.resolve("sub"));
        g = new Guest(Wasi.builder().args("prog", "arg one", "ünï").env("A", "1").env("EMPTY", "")
                .stdin(new ByteArrayInputStream("input bytes".getBytes())).stdout(out).stderr(err)
                .preopen(root, "/data", false).build());
    }

    @AfterEach
    void tearDown() { g.close(); }

    @Test
    void exportsAll46Functions() {
        Set<String> expected = Set.of("args_get", "args_sizes_get", "environ_get", "environ_sizes_get",
                "clock_res_get", "clock_time_get", "fd_advise", "fd_allocate", "fd_close", "fd_datasync",
                "fd_fdstat_get", "fd_fdstat_set_flags", "fd_fdstat_set_rights", "fd_filestat_get",
                "fd_filestat_set_size", "fd_filestat_set_times", "fd_pread", "fd_prestat_get",
                "fd_prestat_dir_name", "fd_pwrite", "fd_read", "fd_readdir", "fd_renumber", "fd_seek", "fd_sync",
                "fd_tell", "fd_write", "path_create_directory", "path_filestat_get", "path_filestat_set_times",
                "path_link", "path_open", "path_readlink", "path_remove_directory", "path_rename", "path_symlink",
                "path_unlink_file", "poll_oneoff", "proc_exit", "proc_raise", "sched_yield", "random_get",
                "sock_accept", "sock_recv", "sock_send", "sock_shutdown");
        assertEquals(expected, g.functions().keySet());
    }

    private List<String> strings(String getter, String sizes) {
        int count = g.alloc(4), size = g.alloc(4);
        assertEquals(0, g.call(sizes, count, size));
        int ptrs = g.alloc(4 * g.u32(count)), buf = g.alloc(g.u32(size));
        assertEquals(0, g.call(getter, ptrs, buf));
        List<String> r = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < g.u32(count); i++) {
            int p = g.u32(ptrs + 4 * i), end = p;
            while (g.u8(end) != 0) end++;
            r.add(g.string(p, end - p));
            total += end - p + 1;
        }
        assertEquals(g.u32(size), total);
        return r;
    }

    @Test
    void argsGetAndSizes() { assertEquals(List.of("prog", "arg one", "ünï"), strings("args_get", "args_sizes_get")); }

    @Test
    void environGetAndSizes() { assertEquals(List.of("A=1", "EMPTY="), strings("environ_get", "environ_sizes_get")); }

    @Test
    void clocks() throws Exception {
        int p = g.alloc(8);
        for (int id = 0; id < 4; id++) {
            assertEquals(0, g.call("clock_res_get", id, p));
            assertTrue(g.u64(p) > 0);
            assertEquals(0, g.call("clock_time_get", id, 1L, p));
        }
        assertEquals(Errno.INVAL, g.call("clock_res_get", 9, p));
        assertEquals(Errno.INVAL, g.call("clock_time_get", 4, 0L, p));
        g.call("clock_time_get", 0, 0L, p);
        long real = g.u64(p);
        assertTrue(Math.abs(real / 1_000_000 - System.currentTimeMillis()) < 5_000);
        g.call("clock_time_get", 1, 0L, p);
        long m0 = g.u64(p);
        Thread.sleep(5);
        g.call("clock_time_get", 1, 0L, p);
        assertTrue(g.u64(p) - m0 >= 5_000_000);
        g.call("clock_time_get", 3, 0L, p);
        long t0 = g.u64(p);
        long x = 0;
        for (int i = 0; i < 20_000_000; i++) x += i ^ (x >>> 3);
        assertNotEquals(42, x);
        g.call("clock_time_get", 3, 0L, p);
        assertTrue(g.u64(p) > t0, "thread CPU clock advances with work");
        assertEquals(Errno.FAULT, g.call("clock_time_get", 1, 0L, (int) g.mem.byteSize() - 4));
    }

    @Test
    void readWriteSeekTellOnFiles() {
        int fd = g.open(DIR, "f.bin", Abi.OFLAGS_CREAT | Abi.OFLAGS_EXCL, RW, 0, true);
        assertTrue(fd > DIR);
        assertEquals(0, g.writeFd(fd, "0123456789".getBytes()));
        int pos = g.alloc(8);
        assertEquals(0, g.call("fd_tell", fd, pos));
        assertEquals(10, g.u64(pos));
        assertEquals(0, g.call("fd_seek", fd, -4L, Abi.WHENCE_END, pos));
        assertEquals(6, g.u64(pos));
        assertEquals("6789", new String(g.readFd(fd, 100)));
        assertEquals(0, g.call("fd_seek", fd, 2L, Abi.WHENCE_SET, pos));
        assertEquals(0, g.call("fd_seek", fd, 1L, Abi.WHENCE_CUR, pos));
        assertEquals(3, g.u64(pos));
        assertEquals(Errno.INVAL, g.call("fd_seek", fd, -100L, Abi.WHENCE_CUR, pos));
        assertEquals(Errno.INVAL, g.call("fd_seek", fd, 0L, 7, pos));
        assertEquals(Errno.NOTCAPABLE, g.call("fd_seek", 1, 0L, Abi.WHENCE_SET, pos), "streams lack FD_SEEK");
        // pread/pwrite do not move the offset
        int buf = g.alloc(4), n = g.alloc(4);
        assertEquals(0, g.call("fd_pread", fd, g.iovec(buf, 4), 1, 1L, n));
        assertEquals("1234", g.string(buf, g.u32(n)));
        int w = g.bytes("AB".getBytes());
        assertEquals(0, g.call("fd_pwrite", fd, g.iovec(w, 2), 1, 8L, n));
        assertEquals(2, g.u32(n));
        g.call("fd_tell", fd, pos);
        assertEquals(3, g.u64(pos));
        // two iovecs in one call
        int iovs = g.alloc(16), b1 = g.alloc(3), b2 = g.alloc(3);
        g.mem.set(Guest.U32, iovs, b1); g.mem.set(Guest.U32, iovs + 4, 3);
        g.mem.set(Guest.U32, iovs + 8, b2); g.mem.set(Guest.U32, iovs + 12, 3);
        assertEquals(0, g.call("fd_read", fd, iovs, 2, n));
        assertEquals(6, g.u32(n));
        assertEquals("345", g.string(b1, 3));
        assertEquals("67A", g.string(b2, 3));
        assertEquals(0, g.call("fd_close", fd));
        assertEquals(Errno.BADF, g.call("fd_close", fd));
        assertEquals(Errno.BADF, g.writeFd(fd, new byte[1]));
        // out-of-bounds iovec
        assertEquals(Errno.FAULT, g.call("fd_write", 1, g.iovec((int) g.mem.byteSize() - 2, 10), 1, n));
    }

    @Test
    void stdio() {
        assertEquals(0, g.writeFd(1, "to stdout".getBytes()));
        assertEquals(0, g.writeFd(2, "to stderr".getBytes()));
        assertEquals("to stdout", out.toString());
        assertEquals("to stderr", err.toString());
        assertEquals("input", new String(g.readFd(0, 5)));
        assertEquals(" bytes", new String(g.readFd(0, 100)));
        assertEquals(0, g.readFd(0, 100).length);
        assertEquals(Errno.BADF, g.writeFd(0, new byte[1]));
        assertEquals(null, g.readFd(1, 1));
        int buf = g.alloc(4), n = g.alloc(4);
        assertEquals(Errno.BADF, g.call("fd_read", 1, g.iovec(buf, 4), 1, n), "reading stdout, as read(2) on a write-only fd");
    }

    @Test
    void fdstatGetSetFlagsSetRights() {
        int st = g.alloc(24);
        assertEquals(0, g.call("fd_fdstat_get", DIR, st));
        assertEquals(Abi.FILETYPE_DIRECTORY, g.u8(st));
        assertTrue((g.u64(st + 8) & Abi.RIGHT_PATH_OPEN) != 0);
        int fd = g.open(DIR, "hello.txt", 0, RW, 0, true);
        assertEquals(0, g.call("fd_fdstat_get", fd, st));
        assertEquals(Abi.FILETYPE_REGULAR_FILE, g.u8(st));
        assertEquals(0, g.u16(st + 2));
        // APPEND set after open sends writes to the end
        assertEquals(0, g.call("fd_fdstat_set_flags", fd, Abi.FDFLAGS_APPEND));
        assertEquals(0, g.call("fd_fdstat_get", fd, st));
        assertEquals(Abi.FDFLAGS_APPEND, g.u16(st + 2));
        assertEquals(0, g.writeFd(fd, "more\n".getBytes()));
        assertEquals(Errno.INVAL, g.call("fd_fdstat_set_flags", fd, Abi.FDFLAGS_SYNC));
        // rights can shrink, never grow
        assertEquals(0, g.call("fd_fdstat_set_rights", fd, Abi.RIGHT_FD_READ, 0L));
        assertEquals(Errno.NOTCAPABLE, g.writeFd(fd, "x".getBytes()));
        assertEquals(Errno.NOTCAPABLE, g.call("fd_fdstat_set_rights", fd, Abi.RIGHT_FD_READ | Abi.RIGHT_FD_WRITE, 0L));
        assertEquals(0, g.call("fd_fdstat_get", 1, st));
        assertEquals(Abi.RIGHT_FD_WRITE, g.u64(st + 8) & Abi.RIGHT_FD_WRITE);
        assertEquals(Errno.BADF, g.call("fd_fdstat_get", 99, st));
    }

    @Test
    void fileAppendFlagAtOpen() throws Exception {
        int fd = g.open(DIR, "hello.txt", 0, RW, Abi.FDFLAGS_APPEND, true);
        assertEquals(0, g.writeFd(fd, "tail".getBytes()));
        assertEquals("hello, world\ntail", Files.readString(root.resolve("hello.txt")));
    }

    @Test
    void filestatSizeTimesAllocate() throws Exception {
        int fd = g.open(DIR, "hello.txt", 0, RW | Abi.RIGHT_FD_FILESTAT_SET_TIMES, 0, true);
        int st = g.alloc(64);
        assertEquals(0, g.call("fd_filestat_get", fd, st));
        assertEquals(Abi.FILETYPE_REGULAR_FILE, g.u8(st + 16));
        assertEquals(13, g.u64(st + 32));
        assertEquals(1, g.u64(st + 24));
        assertTrue(g.u64(st + 8) != 0, "inode");
        assertEquals(0, g.call("fd_filestat_set_size", fd, 5L));
        assertEquals("hello", Files.readString(root.resolve("hello.txt")));
        assertEquals(0, g.call("fd_filestat_set_size", fd, 8L));
        assertEquals(8, Files.size(root.resolve("hello.txt")));
        assertEquals(0, g.call("fd_allocate", fd, 4L, 100L));
        assertEquals(104, Files.size(root.resolve("hello.txt")));
        assertEquals(0, g.call("fd_allocate", fd, 0L, 10L));
        assertEquals(104, Files.size(root.resolve("hello.txt")), "allocate never shrinks");
        assertEquals(0, g.call("fd_filestat_set_times", fd, 0L, 1_500_000_000_000_000_000L, Abi.FSTFLAGS_MTIM));
        assertEquals(FileTime.from(1_500_000_000L, TimeUnit.SECONDS), Files.getLastModifiedTime(root.resolve("hello.txt")));
        assertEquals(0, g.call("fd_filestat_get", fd, st));
        assertEquals(1_500_000_000_000_000_000L, g.u64(st + 48));
        assertEquals(Errno.INVAL, g.call("fd_filestat_set_times", fd, 0L, 0L, Abi.FSTFLAGS_MTIM | Abi.FSTFLAGS_MTIM_NOW));
        assertEquals(0, g.call("fd_filestat_set_times", fd, 0L, 0L, Abi.FSTFLAGS_ATIM_NOW));
        assertEquals(0, g.call("fd_filestat_get", DIR, st));
        assertEquals(Abi.FILETYPE_DIRECTORY, g.u8(st + 16));
        assertEquals(0, g.call("fd_filestat_get", 1, st));
        assertEquals(Errno.INVAL, g.call("fd_allocate", fd, -1L, 1L));
    }

    @Test
    void adviseSyncDatasync() {
        int fd = g.open(DIR, "hello.txt", 0, RW | Abi.RIGHT_FD_SYNC | Abi.RIGHT_FD_ADVISE, 0, true);
        assertEquals(0, g.call("fd_advise", fd, 0L, 10L, 2));
        assertEquals(Errno.INVAL, g.call("fd_advise", fd, 0L, 10L, 6));
        assertEquals(Errno.BADF, g.call("fd_advise", DIR, 0L, 10L, 2), "a directory, as Node and wasmtime");
        assertEquals(0, g.call("fd_sync", fd));
        assertEquals(0, g.call("fd_datasync", fd));
        int ro = g.openRead(DIR, "hello.txt");
        assertEquals(Errno.NOTCAPABLE, g.call("fd_datasync", ro));
        assertEquals(Errno.BADF, g.call("fd_sync", 77));
    }

    @Test
    void prestat() {
        int p = g.alloc(8);
        assertEquals(0, g.call("fd_prestat_get", DIR, p));
        assertEquals(0, g.u8(p));
        assertEquals(5, g.u32(p + 4));
        int name = g.alloc(5);
        assertEquals(0, g.call("fd_prestat_dir_name", DIR, name, 5));
        assertEquals("/data", g.string(name, 5));
        assertEquals(Errno.NAMETOOLONG, g.call("fd_prestat_dir_name", DIR, name, 2));
        assertEquals(Errno.BADF, g.call("fd_prestat_get", 4, p));
        assertEquals(Errno.BADF, g.call("fd_prestat_get", 1, p));
        int sub = g.openRead(DIR, "sub");
        assertEquals(Errno.BADF, g.call("fd_prestat_get", sub, p), "only preopens have a prestat");
    }

    @Test
    void readdirWithCookiesAndSmallBuffers() throws Exception {
        for (int i = 0; i < 20; i++) Files.writeString(root.resolve("sub/file-" + i), "x");
        int fd = g.openRead(DIR, "sub");
        Set<String> seen = new TreeSet<>();
        long cookie = 0;
        int buf = g.alloc(64), used = g.alloc(4);
        for (int guard = 0; guard < 100; guard++) {
            assertEquals(0, g.call("fd_readdir", fd, buf, 64, cookie, used));
            int n = g.u32(used), at = buf;
            boolean progressed = false;
            while (at + 24 <= buf + n) {
                int len = g.u32(at + 16);
                if (at + 24 + len > buf + n) break; // truncated entry: re-read from its cookie
                seen.add(g.string(at + 24, len));
                cookie = g.u64(at);
                at += 24 + len;
                progressed = true;
            }
            if (n < 64 && !progressed) break;
            if (n < 64 && at == buf + n) break;
        }
        Set<String> expected = new TreeSet<>(Set.of(".", ".."));
        for (int i = 0; i < 20; i++) expected.add("file-" + i);
        assertEquals(expected, seen);
        assertEquals(Errno.NOTDIR, g.call("fd_readdir", 1, buf, 64, 0L, used));
    }

    @Test
    void renumber() {
        int a = g.openRead(DIR, "hello.txt"), b = g.openRead(DIR, "sub");
        assertEquals(0, g.call("fd_renumber", a, b));
        assertEquals(Errno.BADF, g.call("fd_close", a));
        assertEquals("hello", new String(g.readFd(b, 5)));
        assertEquals(Errno.BADF, g.call("fd_renumber", a, b));
        assertEquals(Errno.BADF, g.call("fd_renumber", b, 55));
    }

    @Test
    void pathOpenFlags() throws Exception {
        assertEquals(-Errno.NOENT, g.openRead(DIR, "missing"));
        assertEquals(-Errno.EXIST, g.open(DIR, "hello.txt", Abi.OFLAGS_CREAT | Abi.OFLAGS_EXCL, RW, 0, true));
        assertEquals(-Errno.NOTDIR, g.open(DIR, "hello.txt", Abi.OFLAGS_DIRECTORY, Guest.READ_RIGHTS, 0, true));
        assertEquals(-Errno.NOTDIR, g.openRead(DIR, "hello.txt/x"));
        assertEquals(-Errno.ISDIR, g.open(DIR, "sub", 0, RW, 0, true));
        int fd = g.open(DIR, "hello.txt", Abi.OFLAGS_TRUNC, RW, 0, true);
        assertTrue(fd > 0);
        assertEquals(0, Files.size(root.resolve("hello.txt")));
        int d = g.open(DIR, "sub", Abi.OFLAGS_DIRECTORY, Guest.READ_RIGHTS, 0, true);
        int nf = g.open(d, "new.txt", Abi.OFLAGS_CREAT, RW, 0, true);
        assertEquals(0, g.writeFd(nf, "made".getBytes()));
        assertEquals("made", Files.readString(root.resolve("sub/new.txt")));
        assertEquals(-Errno.NOENT, g.openRead(DIR, ""));
        int st = g.alloc(24);
        g.call("fd_fdstat_get", nf, st);
        assertEquals(0, g.u64(st + 8) & Abi.RIGHT_PATH_OPEN, "files get only file rights");
    }

    @Test
    void pathDirectoryFileLinkSymlinkOps() throws Exception {
        assertEquals(0, g.pathCall("path_create_directory", DIR, "newdir"));
        assertTrue(Files.isDirectory(root.resolve("newdir")));
        assertEquals(Errno.EXIST, g.pathCall("path_create_directory", DIR, "newdir"));
        assertEquals(Errno.NOENT, g.pathCall("path_create_directory", DIR, "no/such"));

        int[] src = g.str("hello.txt"), lnk = g.str("newdir/hard");
        assertEquals(0, g.call("path_link", DIR, 0, src[0], src[1], DIR, lnk[0], lnk[1]));
        assertEquals("hello, world\n", Files.readString(root.resolve("newdir/hard")));
        assertEquals(Errno.EXIST, g.call("path_link", DIR, 0, src[0], src[1], DIR, lnk[0], lnk[1]));

        int[] target = g.str("../hello.txt"), name = g.str("newdir/sym");
        assertEquals(0, g.call("path_symlink", target[0], target[1], DIR, name[0], name[1]));
        assertEquals(Path.of("../hello.txt"), Files.readSymbolicLink(root.resolve("newdir/sym")));
        int buf = g.alloc(64), used = g.alloc(4);
        assertEquals(0, g.call("path_readlink", DIR, name[0], name[1], buf, 64, used));
        assertEquals("../hello.txt", g.string(buf, g.u32(used)));
        assertEquals(0, g.call("path_readlink", DIR, name[0], name[1], buf, 4, used));
        assertEquals(4, g.u32(used), "truncated to the buffer");
        assertEquals(Errno.INVAL, g.call("path_readlink", DIR, src[0], src[1], buf, 64, used));

        int st = g.alloc(64);
        assertEquals(0, g.call("path_filestat_get", DIR, 0, name[0], name[1], st));
        assertEquals(Abi.FILETYPE_SYMBOLIC_LINK, g.u8(st + 16));
        assertEquals(0, g.call("path_filestat_get", DIR, Abi.LOOKUPFLAGS_SYMLINK_FOLLOW, name[0], name[1], st));
        assertEquals(Abi.FILETYPE_REGULAR_FILE, g.u8(st + 16));
        assertEquals(13, g.u64(st + 32));
        assertEquals(2, g.u64(st + 24), "hello.txt has a hard link now");
        assertEquals("hello", new String(g.readFd(g.openRead(DIR, "newdir/sym"), 5)), "open follows the link");

        assertEquals(0, g.call("path_filestat_set_times", DIR, Abi.LOOKUPFLAGS_SYMLINK_FOLLOW, name[0], name[1],
                1_000_000_000_000_000_000L, 1_100_000_000_000_000_000L, Abi.FSTFLAGS_ATIM | Abi.FSTFLAGS_MTIM));
        assertEquals(FileTime.from(1_100_000_000L, TimeUnit.SECONDS), Files.getLastModifiedTime(root.resolve("hello.txt")));

        int[] from = g.str("newdir/hard"), to = g.str("sub/renamed");
        assertEquals(0, g.call("path_rename", DIR, from[0], from[1], DIR, to[0], to[1]));
        assertTrue(Files.exists(root.resolve("sub/renamed")));
        assertFalse(Files.exists(root.resolve("newdir/hard")));
        assertEquals(Errno.NOENT, g.call("path_rename", DIR, from[0], from[1], DIR, to[0], to[1]));
        int[] dirFrom = g.str("sub"), dirTo = g.str("hello.txt");
        assertEquals(Errno.NOTDIR, g.call("path_rename", DIR, dirFrom[0], dirFrom[1], DIR, dirTo[0], dirTo[1]));

        assertEquals(Errno.NOTEMPTY, g.pathCall("path_remove_directory", DIR, "newdir"));
        assertEquals(Errno.ISDIR, g.pathCall("path_unlink_file", DIR, "newdir"));
        assertEquals(0, g.pathCall("path_unlink_file", DIR, "newdir/sym"));
        assertTrue(Files.exists(root.resolve("hello.txt")), "unlinking a symlink leaves its target");
        assertEquals(Errno.NOTDIR, g.pathCall("path_remove_directory", DIR, "hello.txt"));
        assertEquals(0, g.pathCall("path_remove_directory", DIR, "newdir"));
        assertEquals(Errno.NOENT, g.pathCall("path_unlink_file", DIR, "newdir/sym"));
        assertEquals(0, g.pathCall("path_unlink_file", DIR, "sub/renamed"));
        assertEquals(Errno.NOTDIR, g.pathCall("path_create_directory", 1, "x"));
    }

    @Test
    void pollOneoff() throws Exception {
        int in = g.alloc(48 * 4), out = g.alloc(32 * 4), n = g.alloc(4);
        // one relative clock of 20ms
        g.mem.asSlice(in, 48 * 4).fill((byte) 0);
        g.mem.set(Guest.U64, in, 0xC10CL);
        g.mem.set(Guest.U64, in + 24, 20_000_000L);
        g.mem.set(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, in + 16, Abi.CLOCK_MONOTONIC);
        long t0 = System.nanoTime();
        assertEquals(0, g.call("poll_oneoff", in, out, 1, n));
        assertTrue(System.nanoTime() - t0 >= 20_000_000L);
        assertEquals(1, g.u32(n));
        assertEquals(0xC10CL, g.u64(out));
        assertEquals(0, g.u16(out + 8));
        assertEquals(Abi.EVENTTYPE_CLOCK, g.u8(out + 10));
        // an absolute realtime deadline in the past fires at once
        g.mem.set(Guest.U32, in + 16, Abi.CLOCK_REALTIME);
        g.mem.set(Guest.U64, in + 24, 1L);
        g.mem.set(java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED, in + 40, (short) Abi.SUBCLOCKFLAGS_ABSTIME);
        assertEquals(0, g.call("poll_oneoff", in, out, 1, n));
        assertEquals(1, g.u32(n));
        // fd subscriptions: file readable with its byte count, stdout writable, a bad fd, and a long clock
        int fd = g.openRead(DIR, "hello.txt");
        int s1 = in, s2 = in + 48, s3 = in + 96, s4 = in + 144;
        g.mem.asSlice(in, 48 * 4).fill((byte) 0);
        g.mem.set(Guest.U64, s1, 1L); g.mem.set(java.lang.foreign.ValueLayout.JAVA_BYTE, s1 + 8, (byte) 1); g.mem.set(Guest.U32, s1 + 16, fd);
        g.mem.set(Guest.U64, s2, 2L); g.mem.set(java.lang.foreign.ValueLayout.JAVA_BYTE, s2 + 8, (byte) 2); g.mem.set(Guest.U32, s2 + 16, 1);
        g.mem.set(Guest.U64, s3, 3L); g.mem.set(java.lang.foreign.ValueLayout.JAVA_BYTE, s3 + 8, (byte) 1); g.mem.set(Guest.U32, s3 + 16, 99);
        g.mem.set(Guest.U64, s4, 4L); g.mem.set(Guest.U32, s4 + 16, Abi.CLOCK_MONOTONIC); g.mem.set(Guest.U64, s4 + 24, 10_000_000_000L);
        t0 = System.nanoTime();
        assertEquals(0, g.call("poll_oneoff", in, out, 4, n));
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "ready fds do not wait for the clock");
        assertEquals(3, g.u32(n));
        assertEquals(1, g.u64(out));
        assertEquals(13, g.u64(out + 16));
        assertEquals(2, g.u64(out + 32));
        assertEquals(Abi.EVENTTYPE_FD_WRITE, g.u8(out + 32 + 10));
        assertEquals(3, g.u64(out + 64));
        assertEquals(Errno.BADF, g.u16(out + 64 + 8));
        assertEquals(Errno.INVAL, g.call("poll_oneoff", in, out, 0, n));
    }

    @Test
    void procExitAndRaise() {
        WasiExit e = assertThrows(WasiExit.class, () -> g.call("proc_exit", 7));
        assertEquals(7, e.exitCode());
        assertEquals(0, g.call("proc_raise", 0));
        assertEquals(0, g.call("proc_raise", 16));
        assertEquals(Errno.INVAL, g.call("proc_raise", 99));
        assertEquals(128 + 15, assertThrows(WasiExit.class, () -> g.call("proc_raise", 15)).exitCode());
        assertEquals(128 + 9, assertThrows(WasiExit.class, () -> g.call("proc_raise", 9)).exitCode());
    }

    @Test
    void schedYieldAndRandom() {
        assertEquals(0, g.call("sched_yield"));
        int a = g.alloc(256), b = g.alloc(256);
        assertEquals(0, g.call("random_get", a, 256));
        assertEquals(0, g.call("random_get", b, 256));
        assertFalse(java.util.Arrays.equals(g.read(a, 256), g.read(b, 256)));
        assertFalse(java.util.Arrays.equals(new byte[256], g.read(a, 256)));
        assertEquals(Errno.FAULT, g.call("random_get", (int) g.mem.byteSize() - 10, 100));
    }

    @Test
    void sockets() {
        int p = g.alloc(16);
        assertEquals(Errno.NOTSOCK, g.call("sock_accept", DIR, 0, p));
        assertEquals(Errno.NOTSOCK, g.call("sock_recv", 0, p, 0, 0, p, p));
        assertEquals(Errno.NOTSOCK, g.call("sock_send", 1, p, 0, 0, p));
        assertEquals(Errno.NOTSOCK, g.call("sock_shutdown", 1, 2));
        assertEquals(Errno.BADF, g.call("sock_shutdown", 42, 2));
        assertEquals(Errno.BADF, g.call("sock_accept", 42, 0, p));
    }

    @Test
    void closeReleasesDescriptors() throws Exception {
        int fd = g.open(DIR, "x", Abi.OFLAGS_CREAT, RW, 0, true);
        assertTrue(g.wasi.impl().openFds().contains(fd));
        g.wasi.close();
        assertEquals(Set.of(), g.wasi.impl().openFds());
        assertArrayEquals(new byte[0], Files.readAllBytes(root.resolve("x")));
        assertEquals("hello, world\n", new String(Files.readAllBytes(root.resolve("hello.txt")), StandardCharsets.UTF_8));
    }
}
