package dev.gatun.wasi;

import static dev.gatun.wasi.Mem.*;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;

/** The path_* calls other than path_open: create, stat, set times, link, readlink, remove, rename, symlink, unlink. */
final class PathCalls extends Calls {
    PathCalls(Context cx) { super(cx); }

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
                Filestat.writeFilestat(m, bufPtr, a, a.size(), Sandbox.filetype(a), r.host());
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
                return Filestat.setTimes(r.dir.getFileAttributeView(r.rel(), BasicFileAttributeView.class, Sandbox.NOFOLLOW), atim, mtim, fstFlags);
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
}
