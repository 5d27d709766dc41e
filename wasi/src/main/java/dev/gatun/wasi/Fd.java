package dev.gatun.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.List;

/** An open WASI file descriptor: a standard stream, a regular file, or a directory capability. */
abstract sealed class Fd permits Fd.Stdio, Fd.File, Fd.Dir {
    long rightsBase;
    long rightsInheriting;
    int fdflags;

    Fd(long rightsBase, long rightsInheriting) {
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
    }

    abstract byte filetype();

    abstract void close() throws IOException;

    /** Fails with ENOTCAPABLE unless this descriptor holds every right in {@code rights}. */
    final void require(long rights) throws Errno.WasiError {
        if ((rightsBase & rights) != rights) throw Errno.error(Errno.NOTCAPABLE);
    }

    /** stdin, stdout or stderr, backed by the embedder's streams; never closes them. */
    static final class Stdio extends Fd {
        final InputStream in;
        final OutputStream out;
        final byte filetype;

        Stdio(InputStream in, OutputStream out, byte filetype) {
            super(in != null ? Abi.RIGHTS_STDIO & ~Abi.RIGHT_FD_WRITE : Abi.RIGHTS_STDIO & ~Abi.RIGHT_FD_READ, 0);
            this.in = in;
            this.out = out;
            this.filetype = filetype;
        }

        @Override byte filetype() { return filetype; }

        @Override void close() throws IOException {
            if (out != null) out.flush();
        }
    }

    /**
     * A regular file (or anything else that is not a directory) opened inside a preopen. Metadata calls go
     * through a handle on the directory it was opened in ({@code parent}, {@code name}) rather than a host
     * path, and only while that name still holds the same file ({@code fileKey}).
     */
    static final class File extends Fd {
        final FileChannel channel;
        final SecureDirectoryStream<Path> parent;
        final Path name;
        final Object fileKey;
        final boolean readOnlyPreopen;

        File(FileChannel channel, SecureDirectoryStream<Path> parent, Path name, Object fileKey, long base,
                long inheriting, int fdflags, boolean readOnlyPreopen) {
            super(base, inheriting);
            this.channel = channel;
            this.parent = parent;
            this.name = name;
            this.fileKey = fileKey;
            this.fdflags = fdflags;
            this.readOnlyPreopen = readOnlyPreopen;
        }

        @Override byte filetype() { return Abi.FILETYPE_REGULAR_FILE; }

        @Override void close() throws IOException {
            try {
                channel.close();
            } finally {
                parent.close();
            }
        }
    }

    /**
     * A directory capability. Paths given with it resolve only beneath it: {@code stream} is an openat-style
     * handle, so lookups relative to it never pass through the host path again.
     */
    static final class Dir extends Fd {
        final SecureDirectoryStream<Path> stream;
        final Path hostPath;
        final String preopenName; // null unless this is a preopen
        final boolean readOnly;
        List<Sandbox.DirEntry> listing; // snapshot taken when fd_readdir starts over at cookie 0

        Dir(SecureDirectoryStream<Path> stream, Path hostPath, String preopenName, boolean readOnly,
                long base, long inheriting) {
            super(base, inheriting);
            this.stream = stream;
            this.hostPath = hostPath;
            this.preopenName = preopenName;
            this.readOnly = readOnly;
        }

        @Override byte filetype() { return Abi.FILETYPE_DIRECTORY; }

        @Override void close() throws IOException { stream.close(); }
    }
}
