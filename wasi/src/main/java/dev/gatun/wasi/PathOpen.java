package dev.gatun.wasi;

import static dev.gatun.wasi.Mem.*;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/** path_open: files and directories beneath a directory capability, with the rights they may be handed. */
final class PathOpen extends Calls {
    PathOpen(Context cx) { super(cx); }

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
                int newFd = cx.install(opened);
                try {
                    putI32(m, fdPtr, newFd);
                } catch (IndexOutOfBoundsException e) {
                    try {
                        cx.remove(newFd).close();
                    } catch (IOException ignored) {
                        // the guest never learned the number; closing is all that is left to do
                    }
                    return Errno.FAULT;
                }
                return Errno.SUCCESS;
            }
        } catch (Exception e) {
            return Errno.of(e);
        }
    }
}
