package dev.gatun.wasi;

import java.lang.foreign.MemorySegment;

/**
 * Base of the function families: each preview1 function takes the core-Wasm parameters (i32 as int, i64
 * as long, pointers as guest addresses) and returns the WASI errno, working on the shared {@link Context}.
 */
abstract class Calls {
    final Context cx;

    Calls(Context cx) { this.cx = cx; }

    final MemorySegment mem() { return cx.mem(); }

    final Fd fd(int fd) throws Errno.WasiError { return cx.fd(fd); }

    final Fd.Dir dir(int fd, long rights) throws Errno.WasiError {
        Fd f = fd(fd);
        if (!(f instanceof Fd.Dir d)) throw Errno.error(Errno.NOTDIR);
        f.require(rights);
        return d;
    }

    final Fd.File file(int fd, long rights) throws Errno.WasiError {
        Fd f = fd(fd);
        f.require(rights);
        if (f instanceof Fd.File file) return file;
        throw Errno.error(f instanceof Fd.Dir ? Errno.ISDIR : Errno.SPIPE);
    }
}
