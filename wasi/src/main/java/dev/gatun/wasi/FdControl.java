package dev.gatun.wasi;

import static dev.gatun.wasi.Mem.*;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/** The fd_* calls about a descriptor itself rather than its bytes: advice, allocation, close, sync, fdstat, prestat, renumber. */
final class FdControl extends Calls {
    FdControl(Context cx) { super(cx); }

    int fdAdvise(int fd, long offset, long len, int advice) {
        try {
            Fd f = fd(fd);
            f.require(Abi.RIGHT_FD_ADVISE);
            if (advice < 0 || advice > 5 || offset < 0 || len < 0) return Errno.INVAL;
            // Advice is a hint; java.nio has no posix_fadvise, and ignoring it is always correct.
            // A directory is EBADF as on Node and wasmtime (posix_fadvise wants a file); a stream, ESPIPE as on Linux.
            return f instanceof Fd.File ? Errno.SUCCESS : f instanceof Fd.Dir ? Errno.BADF : Errno.SPIPE;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int fdAllocate(int fd, long offset, long len) {
        try {
            Fd.File f = file(fd, Abi.RIGHT_FD_ALLOCATE);
            if (offset < 0 || len < 0 || offset + len < 0) return Errno.INVAL;
            long end = offset + len;
            if (end > f.channel.size()) Filestat.extend(f.channel, end);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int fdClose(int fd) {
        Fd f;
        f = cx.remove(fd);
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
            if (((flags ^ f.fdflags) & ~changeable) != 0) return Errno.INVAL; // as wasmtime
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

    int fdRenumber(int from, int to) { return cx.renumber(from, to); }
}
