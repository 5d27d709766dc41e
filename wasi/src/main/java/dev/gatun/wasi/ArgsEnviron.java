package dev.gatun.wasi;

import static dev.gatun.wasi.Mem.*;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.util.List;

/** args_* and environ_*: the program's argv and environment, copied out as NUL-terminated strings. */
final class ArgsEnviron extends Calls {
    ArgsEnviron(Context cx) { super(cx); }

    int argsGet(int argv, int argvBuf) { return strings(cx.args, argv, argvBuf); }

    int argsSizesGet(int argcPtr, int bufSizePtr) { return sizes(cx.args, argcPtr, bufSizePtr); }

    int environGet(int environ, int environBuf) { return strings(cx.env, environ, environBuf); }

    int environSizesGet(int countPtr, int bufSizePtr) { return sizes(cx.env, countPtr, bufSizePtr); }

    private int strings(List<byte[]> list, int ptrs, int buf) {
        try {
            MemorySegment m = mem();
            long at = u(buf);
            for (int i = 0; i < list.size(); i++) {
                byte[] s = list.get(i);
                m.set(U32, u(ptrs) + 4L * i, (int) at);
                MemorySegment.copy(s, 0, m, JAVA_BYTE, at, s.length);
                at += s.length;
            }
            return Errno.SUCCESS;
        } catch (IndexOutOfBoundsException e) {
            return Errno.FAULT;
        }
    }

    private int sizes(List<byte[]> list, int countPtr, int sizePtr) {
        try {
            MemorySegment m = mem();
            long size = 0;
            for (byte[] s : list) size += s.length;
            putI32(m, countPtr, list.size());
            putI32(m, sizePtr, (int) size);
            return Errno.SUCCESS;
        } catch (IndexOutOfBoundsException e) {
            return Errno.FAULT;
        }
    }
}
