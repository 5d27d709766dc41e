package dev.gatun.wasi;

import static dev.gatun.wasi.Mem.*;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** fd_filestat_get/set_size/set_times, and the filestat and timestamp helpers the path_* calls share. */
final class Filestat extends Calls {
    Filestat(Context cx) { super(cx); }

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
    static BasicFileAttributes sameFile(Fd.File f) throws IOException {
        BasicFileAttributes a = Sandbox.lstat(f.parent, f.name);
        return a != null && f.fileKey != null && f.fileKey.equals(a.fileKey()) ? a : null;
    }

    static void writeFilestat(MemorySegment m, int ptr, BasicFileAttributes a, long size, byte type, Path host) {
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

    static int setTimes(BasicFileAttributeView view, long atim, long mtim, int flags) throws IOException {
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

    /** Grows a file to {@code size} bytes with zeros, as ftruncate would. */
    static void extend(FileChannel ch, long size) throws IOException {
        ch.write(ByteBuffer.wrap(new byte[1]), size - 1);
    }
}
