package dev.gatun.wasi;

/** sock_*: preview1 can only use sockets the host preopens, and this host preopens none. */
final class Sockets extends Calls {
    Sockets(Context cx) { super(cx); }

    /** No descriptor is ever a socket here (no preopened sockets): a valid fd is ENOTSOCK, as on wasmtime and POSIX. */
    private int socket(int fd) {
        try {
            fd(fd);
            return Errno.NOTSOCK;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int sockAccept(int fd, int flags, int fdPtr) { return socket(fd); }

    int sockRecv(int fd, int riData, int riDataLen, int riFlags, int roDatalenPtr, int roFlagsPtr) { return socket(fd); }

    int sockSend(int fd, int siData, int siDataLen, int siFlags, int soDatalenPtr) { return socket(fd); }

    int sockShutdown(int fd, int how) { return socket(fd); }
}
