package dev.gatun.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attempts to reach outside a preopened directory. Every attempt must be refused (or stay inside), the
 * secret outside must never be read, and nothing may be created or changed outside.
 */
class SandboxEscapeTest {
    static final String SECRET = "SECRET-OUTSIDE";

    @TempDir Path tmp;
    Path root, outside;
    Guest g;
    final int dirfd = 3;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(tmp.resolve("sandbox"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), SECRET);
        Files.createDirectories(root.resolve("a/b"));
        Files.writeString(root.resolve("inside.txt"), "inside");
        g = new Guest(Wasi.builder().preopen(root, "/sandbox", false).build());
    }

    @AfterEach
    void tearDown() throws Exception {
        g.close();
        // Nothing was created or changed outside.
        try (var s = Files.list(outside)) {
            assertEquals(Set.of("secret"), s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
        assertEquals(SECRET, Files.readString(outside.resolve("secret")));
    }

    private void refused(String path, int expectedErrno) {
        int fd = g.openRead(dirfd, path);
        if (fd >= 0) {
            byte[] got = g.readFd(fd, 100);
            assertFalse(got != null && new String(got, StandardCharsets.UTF_8).contains(SECRET), "escaped via " + path);
        }
        assertEquals(-expectedErrno, fd, "path " + path);
    }

    @Test
    void dotDot() { refused("../outside/secret", Errno.NOTCAPABLE); }

    @Test
    void dotDotThroughSubdirectories() {
        refused("a/../../outside/secret", Errno.NOTCAPABLE);
        refused("a/b/../../../outside/secret", Errno.NOTCAPABLE);
        refused("..", Errno.NOTCAPABLE);
        // Climbing and coming back stays legal.
        assertTrue(g.openRead(dirfd, "a/b/../../inside.txt") >= 0);
    }

    @Test
    void absolutePaths() {
        refused("/etc/passwd", Errno.NOTCAPABLE);
        refused(outside.resolve("secret").toString(), Errno.NOTCAPABLE);
    }

    @Test
    void symlinkToRoot() throws Exception {
        Files.createSymbolicLink(root.resolve("root"), Path.of("/"));
        refused("root/etc/passwd", Errno.NOTCAPABLE);
        refused("root", Errno.NOTCAPABLE);
    }

    @Test
    void symlinkChainLeadingOut() throws Exception {
        Files.createSymbolicLink(root.resolve("l1"), Path.of("l2"));
        Files.createSymbolicLink(root.resolve("l2"), Path.of("a/l3"));
        Files.createSymbolicLink(root.resolve("a/l3"), Path.of("../../outside/secret"));
        refused("l1", Errno.NOTCAPABLE);
        Files.createSymbolicLink(root.resolve("rel"), root.relativize(outside.resolve("secret")));
        refused("rel", Errno.NOTCAPABLE);
    }

    @Test
    void symlinkInIntermediateDirectory() throws Exception {
        Files.createSymbolicLink(root.resolve("a/up"), Path.of("../.."));
        refused("a/up/outside/secret", Errno.NOTCAPABLE);
        Files.createSymbolicLink(root.resolve("a/b/out"), outside);
        refused("a/b/out/secret", Errno.NOTCAPABLE);
        // A link that stays inside is followed normally.
        Files.createSymbolicLink(root.resolve("a/home"), Path.of(".."));
        assertTrue(g.openRead(dirfd, "a/home/inside.txt") >= 0);
    }

    @Test
    void symlinkLoop() throws Exception {
        Files.createSymbolicLink(root.resolve("x"), Path.of("y"));
        Files.createSymbolicLink(root.resolve("y"), Path.of("x"));
        refused("x", Errno.LOOP);
    }

    @Test
    void capabilityIsPerDescriptor() {
        int sub = g.openRead(dirfd, "a");
        assertTrue(sub >= 0);
        // ".." from a subdirectory's descriptor does not reach its parent, though that is in the preopen.
        assertEquals(-Errno.NOTCAPABLE, g.openRead(sub, "../inside.txt"));
        assertTrue(g.openRead(sub, "b/..") >= 0);
    }

    @Test
    void createThroughDanglingSymlinkPointingOut() throws Exception {
        Files.createSymbolicLink(root.resolve("dang"), Path.of("../outside/new.txt"));
        Files.createSymbolicLink(root.resolve("dangabs"), outside.resolve("new2.txt"));
        long rw = Abi.RIGHT_FD_READ | Abi.RIGHT_FD_WRITE;
        assertEquals(-Errno.NOTCAPABLE, g.open(dirfd, "dang", Abi.OFLAGS_CREAT, rw, 0, true));
        assertEquals(-Errno.NOTCAPABLE, g.open(dirfd, "dangabs", Abi.OFLAGS_CREAT, rw, 0, true));
        // Without SYMLINK_FOLLOW the link itself is the target: open refuses it (O_NOFOLLOW).
        assertEquals(-Errno.LOOP, g.open(dirfd, "dang", Abi.OFLAGS_CREAT, rw, 0, false));
        assertEquals(-Errno.NOTCAPABLE, g.open(dirfd, "../outside/new3.txt", Abi.OFLAGS_CREAT, rw, 0, true));
    }

    @Test
    void renameAndLinkTargetsOutside() throws Exception {
        int[] in = g.str("inside.txt"), out = g.str("../outside/stolen"), sec = g.str("../outside/secret");
        int[] here = g.str("here");
        assertEquals(Errno.NOTCAPABLE, g.call("path_rename", dirfd, in[0], in[1], dirfd, out[0], out[1]));
        assertEquals(Errno.NOTCAPABLE, g.call("path_rename", dirfd, sec[0], sec[1], dirfd, here[0], here[1]));
        assertEquals(Errno.NOTCAPABLE, g.call("path_link", dirfd, 0, in[0], in[1], dirfd, out[0], out[1]));
        assertEquals(Errno.NOTCAPABLE, g.call("path_link", dirfd, 0, sec[0], sec[1], dirfd, here[0], here[1]));
        Files.createSymbolicLink(root.resolve("outdir"), outside);
        int[] viaLink = g.str("outdir/stolen");
        assertEquals(Errno.NOTCAPABLE, g.call("path_rename", dirfd, in[0], in[1], dirfd, viaLink[0], viaLink[1]));
        assertEquals(Errno.NOTCAPABLE, g.pathCall("path_create_directory", dirfd, "outdir/newdir"));
        assertEquals(Errno.NOTCAPABLE, g.pathCall("path_unlink_file", dirfd, "outdir/secret"));
        assertEquals(Errno.NOTCAPABLE, g.pathCall("path_unlink_file", dirfd, "../outside/secret"));
        assertEquals(Errno.NOTCAPABLE, g.pathCall("path_remove_directory", dirfd, "../outside"));
        int[] abs = g.str("/etc/passwd"), name = g.str("abs-link");
        assertEquals(Errno.NOTCAPABLE, g.call("path_symlink", abs[0], abs[1], dirfd, name[0], name[1]));
        int[] target = g.str("x"), outName = g.str("../outside/link");
        assertEquals(Errno.NOTCAPABLE, g.call("path_symlink", target[0], target[1], dirfd, outName[0], outName[1]));
        int st = g.alloc(64);
        int[] p = g.str("../outside/secret");
        assertEquals(Errno.NOTCAPABLE, g.call("path_filestat_get", dirfd, 1, p[0], p[1], st));
        assertEquals(Errno.NOTCAPABLE, g.call("path_filestat_set_times", dirfd, 1, p[0], p[1], 0L, 0L, Abi.FSTFLAGS_MTIM_NOW));
        assertTrue(Files.exists(root.resolve("inside.txt")));
    }

    @Test
    void readdirListsOnlyTheSandbox() {
        int fd = g.openRead(dirfd, ".");
        assertTrue(fd >= 0);
        int buf = g.alloc(4096), used = g.alloc(4);
        assertEquals(0, g.call("fd_readdir", fd, buf, 4096, 0L, used));
        Set<String> names = new HashSet<>();
        for (int at = buf; at < buf + g.u32(used); ) {
            int len = g.u32(at + 16);
            names.add(g.string(at + 24, len));
            if (names.contains("..")) assertTrue(true);
            at += 24 + len;
        }
        assertEquals(Set.of(".", "..", "a", "inside.txt"), names);
    }

    @Test
    void readOnlyPreopenRefusesChanges() throws Exception {
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        Files.writeString(ro.resolve("f"), "keep");
        Files.createDirectories(ro.resolve("d"));
        try (Guest r = new Guest(Wasi.builder().preopen(ro, "/ro", true).build())) {
            long rw = Abi.RIGHT_FD_READ | Abi.RIGHT_FD_WRITE;
            assertEquals(-Errno.NOTCAPABLE, r.open(3, "new", Abi.OFLAGS_CREAT, rw, 0, true));
            assertEquals(-Errno.NOTCAPABLE, r.open(3, "f", Abi.OFLAGS_TRUNC, rw, 0, true));
            assertEquals(-Errno.ROFS, r.open(3, "f", 0, rw, Abi.FDFLAGS_APPEND, true));
            int fd = r.open(3, "f", 0, rw, 0, true);
            assertTrue(fd >= 0, "reading is allowed");
            assertEquals(Errno.NOTCAPABLE, r.writeFd(fd, "x".getBytes()));
            assertEquals(Errno.NOTCAPABLE, r.call("fd_filestat_set_size", fd, 0L));
            assertEquals(Errno.NOTCAPABLE, r.call("fd_fdstat_set_rights", fd, Abi.RIGHTS_ALL, 0L));
            assertEquals("keep", new String(r.readFd(fd, 10)));
            assertEquals(Errno.NOTCAPABLE, r.pathCall("path_unlink_file", 3, "f"));
            assertEquals(Errno.NOTCAPABLE, r.pathCall("path_remove_directory", 3, "d"));
            assertEquals(Errno.NOTCAPABLE, r.pathCall("path_create_directory", 3, "e"));
            int[] a = r.str("f"), b = r.str("g");
            assertEquals(Errno.NOTCAPABLE, r.call("path_rename", 3, a[0], a[1], 3, b[0], b[1]));
            assertEquals(Errno.NOTCAPABLE, r.call("path_symlink", a[0], a[1], 3, b[0], b[1]));
            assertEquals(Errno.NOTCAPABLE, r.call("path_link", 3, 0, a[0], a[1], 3, b[0], b[1]));
            // A subdirectory opened from it inherits the restriction.
            int sub = r.openRead(3, "d");
            assertTrue(sub >= 0);
            assertEquals(-Errno.NOTCAPABLE, r.open(sub, "x", Abi.OFLAGS_CREAT, rw, 0, true));
        }
        assertEquals("keep", Files.readString(ro.resolve("f")));
        try (var s = Files.list(ro)) {
            assertEquals(2, s.count());
        }
    }

    /**
     * Another thread keeps swapping a directory for a symlink to the outside while the guest opens,
     * creates and stats through it. Resolution opens every component with O_NOFOLLOW relative to its
     * parent's handle, so the swap can make an operation fail but never succeed outside.
     */
    @Test
    void raceSwappingDirectoryForSymlink() throws Exception {
        Path sw = root.resolve("sw"), real = root.resolve("real"), link = root.resolve("link");
        Files.createDirectories(real);
        Files.writeString(real.resolve("secret"), "inside-copy");
        Files.createSymbolicLink(link, outside);
        Files.move(real, sw);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger swaps = new AtomicInteger();
        Thread swapper = new Thread(() -> {
            Path parked = root.resolve("parked");
            while (!stop.get()) {
                try {
                    // sw: directory -> symlink to outside -> directory ...
                    Files.move(sw, parked, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(link, sw, StandardCopyOption.ATOMIC_MOVE);
                    Thread.onSpinWait();
                    Files.move(sw, link, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(parked, sw, StandardCopyOption.ATOMIC_MOVE);
                    swaps.incrementAndGet();
                } catch (Exception e) {
                    // a failed move only skips a swap
                }
            }
        });
        swapper.start();
        int escapes = 0, opened = 0;
        long rw = Abi.RIGHT_FD_READ | Abi.RIGHT_FD_WRITE;
        try {
            long until = System.nanoTime() + 2_000_000_000L;
            for (int i = 0; System.nanoTime() < until || swaps.get() < 50; i++) {
                for (boolean follow : new boolean[] {true, false}) {
                    int fd = g.openRead(dirfd, "sw/secret");
                    if (fd >= 0) {
                        opened++;
                        byte[] got = g.readFd(fd, 64);
                        if (got != null && new String(got).contains(SECRET)) escapes++;
                        g.call("fd_close", fd);
                    }
                    int c = g.open(dirfd, "sw/created-" + (i % 4), Abi.OFLAGS_CREAT, rw, 0, follow);
                    if (c >= 0) g.call("fd_close", c);
                    g.pathCall("path_create_directory", dirfd, "sw/mk-" + (i % 4));
                    int[] target = g.str("t"), name = g.str("sw/ln-" + (i % 4)), src = g.str("inside.txt"),
                            hard = g.str("sw/hard-" + (i % 4)), secret = g.str("sw/secret");
                    g.call("path_symlink", target[0], target[1], dirfd, name[0], name[1]);
                    g.call("path_link", dirfd, 0, src[0], src[1], dirfd, hard[0], hard[1]);
                    // a hard link *from* the swapped path would hand the guest the outside file
                    g.call("path_link", dirfd, 0, secret[0], secret[1], dirfd, hard[0], hard[1]);
                    int buf = g.alloc(64), used = g.alloc(4);
                    if (g.call("path_readlink", dirfd, name[0], name[1], buf, 64, used) == 0
                            && !g.string(buf, g.u32(used)).equals("t")) escapes++;
                }
                if (i > 200_000) break;
            }
        } finally {
            stop.set(true);
            swapper.join();
        }
        try (var s = Files.list(outside)) {
            escapes += (int) s.filter(p -> !p.getFileName().toString().equals("secret")).count();
        }
        try (var s = Files.walk(root)) {
            // any file in the sandbox now holding the secret got there through a link made across the swap
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.readString(p).contains(SECRET)) escapes++;
            }
        }
        System.out.printf("race: %d swaps, %d successful opens, %d escapes%n", swaps.get(), opened, escapes);
        assertTrue(swaps.get() > 0, "the swapper never ran");
        assertEquals(0, escapes);
        // tearDown checks nothing was created outside (files or directories).
    }
}
