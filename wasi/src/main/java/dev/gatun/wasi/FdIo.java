package dev.gatun.wasi;

import static dev.gatun.wasi.Mem.*;

import java.io.PrintStream;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/** The fd_* calls that move bytes or the position: read, write, pread, pwrite, seek, tell. */
final class FdIo extends Calls {
    FdIo(Context cx) { super(cx); }

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

    int fdRead(int fd, int iovs, int iovsLen, int nreadPtr) {
        try {
            Fd f = fd(fd);
            // Reading stdout is EBADF (read(2) on a write-only descriptor), as on Node and wasmtime.
            if (f instanceof Fd.Stdio s && s.in == null) return Errno.BADF;
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
            if (f instanceof Fd.Stdio s && s.out == null) return Errno.BADF; // writing stdin, as read above
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
                    // A PrintStream swallows its IOExceptions: its error flag is all that tells a full disk or a
                    // closed pipe from success, and it does not keep the errno.
                    if (s.out instanceof PrintStream ps && ps.checkError()) return Errno.IO;
                }
                case Fd.Dir d -> { return Errno.ISDIR; }
            }
            putI32(m, nwrittenPtr, (int) total);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
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
}
