package dev.gatun.wasi;

import static dev.gatun.wasi.Mem.*;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.security.SecureRandom;

/** proc_exit, proc_raise, sched_yield and random_get. */
final class Proc extends Calls {
    private final SecureRandom random = new SecureRandom();

    Proc(Context cx) { super(cx); }

    /** proc_exit: never returns; the exception unwinds the guest. */
    void procExit(int code) {
        cx.flushStdio();
        throw new WasiExit(code);
    }

    /**
     * proc_raise: the guest has no signal handlers (preview1 cannot install any), so each signal takes its
     * default action: ignored signals do nothing, terminating ones end the program with 128 + the POSIX number.
     */
    int procRaise(int sig) {
        return switch (sig) {
            case 0 -> Errno.SUCCESS;
            case 16, 17, 22, 27 -> Errno.SUCCESS; // CHLD, CONT, URG, WINCH: ignored by default
            case 18, 19, 20, 21 -> Errno.NOTSUP;  // STOP, TSTP, TTIN, TTOU: a sandbox cannot stop its host
            default -> {
                if (sig < 0 || sig > 30) yield Errno.INVAL;
                int posix = sig <= 15 ? sig : sig + 1; // witx numbering skips POSIX's 16 (STKFLT)
                cx.flushStdio();
                throw new WasiExit(128 + posix);
            }
        };
    }

    int schedYield() {
        Thread.yield();
        return Errno.SUCCESS;
    }

    int randomGet(int buf, int bufLen) {
        try {
            MemorySegment m = mem();
            long at = u(buf), len = Integer.toUnsignedLong(bufLen);
            m.asSlice(at, len);
            byte[] chunk = new byte[(int) Math.min(len, 65536)];
            for (long done = 0; done < len; ) {
                int n = (int) Math.min(chunk.length, len - done);
                random.nextBytes(chunk);
                MemorySegment.copy(chunk, 0, m, JAVA_BYTE, at + done, n);
                done += n;
            }
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }
}
