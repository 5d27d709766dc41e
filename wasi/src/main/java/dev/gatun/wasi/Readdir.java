package dev.gatun.wasi;

import static dev.gatun.wasi.Mem.*;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** fd_readdir: a directory's entries as dirent records, resumable by cookie. */
final class Readdir extends Calls {
    Readdir(Context cx) { super(cx); }

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
        long selfIno = Sandbox.devIno(self)[1];
        out.add(new Sandbox.DirEntry(".", selfIno, Abi.FILETYPE_DIRECTORY));
        // Never d_ino 0: a current wasi-libc readdir() takes 0 for "unknown" and fstatat()s the entry, which
        // the sandbox refuses for ".." (ENOTCAPABLE), so scandir() would fail on every directory.
        out.add(new Sandbox.DirEntry("..", parentIno(d, selfIno), Abi.FILETYPE_DIRECTORY));
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

    /**
     * The inode of {@code d}'s parent when that parent is inside the sandbox (fstatat on the handle, so it
     * follows renames); a preopen's own inode otherwise, as wasmtime reports: the host directory above a
     * preopen is none of the guest's business, not even its inode number.
     */
    private static long parentIno(Fd.Dir d, long selfIno) {
        if (d.preopenName != null) return selfIno;
        try {
            BasicFileAttributes up = d.stream.getFileAttributeView(Path.of(".."), BasicFileAttributeView.class,
                    Sandbox.NOFOLLOW).readAttributes();
            long ino = Sandbox.devIno(up)[1];
            return ino != 0 ? ino : selfIno;
        } catch (IOException | RuntimeException e) {
            return selfIno; // parent gone (directory removed meanwhile): any non-zero inode keeps readdir going
        }
    }
}
