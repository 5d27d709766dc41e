package dev.gatun.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fd_readdir entries as a current wasi-libc's readdir()/scandir() consume them: an entry with d_ino 0 is
 * "inode unknown" and gets an fstatat(dirfd, name) before the program sees it, so every such entry must
 * be stat-able, and ".." (which the sandbox refuses to stat) must therefore carry a real inode. Done with
 * the raw calls, so the outcome does not depend on which wasi-libc built a fixture.
 */
class ReaddirInodesTest {
    static final int DIR = 3;
    @TempDir Path root;
    Guest g;

    record Entry(String name, long ino, int type) {}

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(root.resolve("top.txt"), "t");
        Files.createDirectories(root.resolve("sub/inner"));
        Files.writeString(root.resolve("sub/file.txt"), "f");
        Files.createSymbolicLink(root.resolve("sub/link"), Path.of("file.txt"));
        g = new Guest(Wasi.builder().preopen(root, "/data", false).build());
    }

    @AfterEach
    void tearDown() { g.close(); }

    private List<Entry> readdir(int fd) {
        int buf = g.alloc(8192), used = g.alloc(4);
        assertEquals(0, g.call("fd_readdir", fd, buf, 8192, 0L, used));
        int n = g.u32(used);
        assertTrue(n < 8192, "one call holds the whole listing");
        List<Entry> out = new ArrayList<>();
        for (int at = buf; at + 24 <= buf + n; ) {
            int len = g.u32(at + 16);
            out.add(new Entry(g.string(at + 24, len), g.u64(at + 8), g.u8(at + 20)));
            at += 24 + len;
        }
        return out;
    }

    /** path_filestat_get without following symlinks (fstatat AT_SYMLINK_NOFOLLOW): {errno, ino, type}. */
    private long[] fstatat(int fd, String name) {
        int[] s = g.str(name);
        int st = g.alloc(64);
        int e = g.call("path_filestat_get", fd, 0, s[0], s[1], st);
        return new long[] {e, g.u64(st + 8), g.u8(st + 16)};
    }

    private long ownIno(int fd) {
        int st = g.alloc(64);
        assertEquals(0, g.call("fd_filestat_get", fd, st));
        return g.u64(st + 8);
    }

    /** What wasi-libc's readdir does with each entry; returns the entries it would hand the program. */
    private List<Entry> asLibcSeesIt(int fd) {
        List<Entry> seen = new ArrayList<>();
        for (Entry e : readdir(fd)) {
            if (e.ino() == 0) {
                long[] st = fstatat(fd, e.name());
                assertEquals(0, st[0], "fstatat(\"" + e.name() + "\") for an entry with d_ino 0: readdir() fails");
                seen.add(new Entry(e.name(), st[1], e.type()));
            } else {
                seen.add(e);
            }
        }
        return seen;
    }

    @Test
    void noEntryNeedsAnFstatatAndEveryInodeIsTheEntrysOwn() {
        int sub = g.openRead(DIR, "sub");
        for (int fd : new int[] {DIR, sub}) {
            List<Entry> entries = readdir(fd);
            assertEquals(List.of(), entries.stream().filter(e -> e.ino() == 0).toList(), "entries with d_ino 0");
            for (Entry e : entries) {
                if (e.name().equals("..")) continue; // beyond the capability from here: checked below
                long[] st = fstatat(fd, e.name());
                assertEquals(0, st[0], e.name());
                assertEquals(st[1], e.ino(), e.name() + ": d_ino is the inode fstatat reports");
                assertEquals(st[2], e.type(), e.name() + ": d_type is the type fstatat reports");
            }
            // The guest's libc reading this directory gets every entry, no error.
            assertEquals(entries.size(), asLibcSeesIt(fd).size());
        }
    }

    @Test
    void dotDotIsTheParentInsideTheSandboxAndThePreopenItselfAtItsTop() {
        int sub = g.openRead(DIR, "sub");
        int inner = g.openRead(DIR, "sub/inner");
        long preopen = ownIno(DIR), subIno = ownIno(sub);
        assertEquals(subIno, find(readdir(sub), ".").ino());
        assertEquals(preopen, find(readdir(sub), "..").ino());
        assertEquals(subIno, find(readdir(inner), "..").ino());
        // Above the preopen lies the host: report the preopen's own inode, as wasmtime does.
        assertEquals(preopen, find(readdir(DIR), "..").ino());
        assertNotEquals(0, preopen);
        // The sandbox still refuses to look above the capability: the inode above is what makes that harmless.
        assertEquals(Errno.NOTCAPABLE, fstatat(DIR, "..")[0]);
    }

    private static Entry find(List<Entry> entries, String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }
}
