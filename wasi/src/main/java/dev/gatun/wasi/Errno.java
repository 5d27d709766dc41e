package dev.gatun.wasi;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/** The {@code errno} enum of wasi_snapshot_preview1 (witx), and the mapping from Java I/O failures to it. */
final class Errno {
    private Errno() {}

    static final int SUCCESS = 0, TOOBIG = 1, ACCES = 2, ADDRINUSE = 3, ADDRNOTAVAIL = 4, AFNOSUPPORT = 5,
            AGAIN = 6, ALREADY = 7, BADF = 8, BADMSG = 9, BUSY = 10, CANCELED = 11, CHILD = 12,
            CONNABORTED = 13, CONNREFUSED = 14, CONNRESET = 15, DEADLK = 16, DESTADDRREQ = 17, DOM = 18,
            DQUOT = 19, EXIST = 20, FAULT = 21, FBIG = 22, HOSTUNREACH = 23, IDRM = 24, ILSEQ = 25,
            INPROGRESS = 26, INTR = 27, INVAL = 28, IO = 29, ISCONN = 30, ISDIR = 31, LOOP = 32, MFILE = 33,
            MLINK = 34, MSGSIZE = 35, MULTIHOP = 36, NAMETOOLONG = 37, NETDOWN = 38, NETRESET = 39,
            NETUNREACH = 40, NFILE = 41, NOBUFS = 42, NODEV = 43, NOENT = 44, NOEXEC = 45, NOLCK = 46,
            NOLINK = 47, NOMEM = 48, NOMSG = 49, NOPROTOOPT = 50, NOSPC = 51, NOSYS = 52, NOTCONN = 53,
            NOTDIR = 54, NOTEMPTY = 55, NOTRECOVERABLE = 56, NOTSOCK = 57, NOTSUP = 58, NOTTY = 59,
            NXIO = 60, OVERFLOW = 61, OWNERDEAD = 62, PERM = 63, PIPE = 64, PROTO = 65,
            PROTONOSUPPORT = 66, PROTOTYPE = 67, RANGE = 68, ROFS = 69, SPIPE = 70, SRCH = 71, STALE = 72,
            TIMEDOUT = 73, TXTBSY = 74, XDEV = 75, NOTCAPABLE = 76;

    /** Carries an errno out of deep helper code; caught at the function boundary. */
    static final class WasiError extends Exception {
        final int errno;

        WasiError(int errno) {
            super(null, null, false, false);
            this.errno = errno;
        }
    }

    static WasiError error(int errno) { return new WasiError(errno); }

    /** Maps a Java I/O failure to the errno the underlying syscall reported. */
    static int of(Throwable e) {
        if (e instanceof WasiError w) return w.errno;
        if (e instanceof Context.Unbound u) throw u; // the embedder's error, reported as a trap by Preview1
        if (e instanceof NoSuchFileException) return NOENT;
        if (e instanceof FileAlreadyExistsException) return EXIST;
        if (e instanceof DirectoryNotEmptyException) return NOTEMPTY;
        if (e instanceof NotDirectoryException) return NOTDIR;
        if (e instanceof AccessDeniedException) return ACCES;
        if (e instanceof NotLinkException) return INVAL;
        if (e instanceof FileSystemLoopException) return LOOP;
        if (e instanceof ClosedChannelException) return BADF;
        if (e instanceof NonReadableChannelException || e instanceof NonWritableChannelException) return BADF;
        if (e instanceof IndexOutOfBoundsException) return FAULT;
        if (e instanceof UnsupportedOperationException) return NOTSUP;
        if (e instanceof SecurityException) return ACCES;
        String reason = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        if (reason != null) {
            // The JDK reports the strerror(3) text of the failing syscall; recover errno from it.
            if (reason.startsWith("Too many levels of symbolic links")) return LOOP;
            if (reason.contains("Not a directory")) return NOTDIR;
            if (reason.contains("Is a directory")) return ISDIR;
            if (reason.contains("Directory not empty")) return NOTEMPTY;
            if (reason.contains("Read-only file system")) return ROFS;
            if (reason.contains("Invalid argument")) return INVAL;
            if (reason.contains("Operation not permitted")) return PERM;
            if (reason.contains("Permission denied")) return ACCES;
            if (reason.contains("Invalid cross-device link")) return XDEV;
            if (reason.contains("File name too long")) return NAMETOOLONG;
            if (reason.contains("No space left")) return NOSPC;
            if (reason.contains("Device or resource busy")) return BUSY;
            if (reason.contains("File exists")) return EXIST;
            if (reason.contains("No such file or directory")) return NOENT;
            if (reason.contains("Too many links")) return MLINK;
            if (reason.contains("Bad file descriptor")) return BADF;
            if (reason.contains("Illegal seek")) return SPIPE;
            if (reason.contains("File too large")) return FBIG;
            if (reason.contains("Broken pipe")) return PIPE;
        }
        if (e instanceof IOException) return IO;
        return IO;
    }
}
