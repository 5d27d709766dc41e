package dev.gatun.wasi;

import static dev.gatun.wasi.Mem.*;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.locks.LockSupport;

/** poll_oneoff: clock subscriptions wait; files and the embedder's streams are always ready. */
final class Poll extends Calls {
    Poll(Context cx) { super(cx); }

    int pollOneoff(int in, int out, int nsubscriptions, int neventsPtr) {
        try {
            if (nsubscriptions <= 0) return Errno.INVAL;
            MemorySegment m = mem();
            long inAt = u(in), outAt = u(out);
            m.asSlice(inAt, 48L * nsubscriptions);
            m.asSlice(outAt, 32L * nsubscriptions);
            int events = 0;
            long start = System.nanoTime();
            long[] deadline = new long[nsubscriptions]; // relative to start; -1 for non-clock subscriptions
            long earliest = Long.MAX_VALUE;
            for (int i = 0; i < nsubscriptions; i++) {
                long s = inAt + 48L * i;
                long userdata = m.get(U64, s);
                int tag = m.get(JAVA_BYTE, s + 8) & 0xFF;
                deadline[i] = -1;
                switch (tag) {
                    case Abi.EVENTTYPE_CLOCK -> {
                        int clock = m.get(U32, s + 16);
                        long timeout = m.get(U64, s + 24);
                        int flags = m.get(U16, s + 40) & 0xFFFF;
                        long rel;
                        try {
                            rel = (flags & Abi.SUBCLOCKFLAGS_ABSTIME) != 0 ? timeout - Clocks.now(clock) : timeout;
                            Clocks.resolution(clock);
                        } catch (Errno.WasiError e) {
                            events = event(m, outAt, events, userdata, e.errno, tag, 0, 0);
                            continue;
                        }
                        deadline[i] = Math.max(0, rel);
                        earliest = Math.min(earliest, deadline[i]);
                    }
                    case Abi.EVENTTYPE_FD_READ, Abi.EVENTTYPE_FD_WRITE -> {
                        int fdn = m.get(U32, s + 16);
                        int errno = Errno.SUCCESS;
                        long nbytes = 0;
                        int flags = 0;
                        try {
                            Fd f = fd(fdn);
                            f.require(Abi.RIGHT_POLL_FD_READWRITE);
                            if (tag == Abi.EVENTTYPE_FD_READ) {
                                f.require(Abi.RIGHT_FD_READ);
                                nbytes = switch (f) {
                                    case Fd.File file -> Math.max(0, file.channel.size() - file.channel.position());
                                    case Fd.Stdio st -> st.in.available();
                                    case Fd.Dir dd -> throw Errno.error(Errno.ISDIR);
                                };
                            } else {
                                f.require(Abi.RIGHT_FD_WRITE);
                                if (f instanceof Fd.Dir) throw Errno.error(Errno.ISDIR);
                            }
                        } catch (Exception e) {
                            errno = Errno.of(e);
                        }
                        // Files and the embedder's streams are always ready: a read or write will not wait.
                        events = event(m, outAt, events, userdata, errno, tag, nbytes, flags);
                    }
                    default -> events = event(m, outAt, events, userdata, Errno.INVAL, tag, 0, 0);
                }
            }
            if (events == 0 && earliest != Long.MAX_VALUE) {
                long wakeAt = start + earliest;
                for (long left; (left = wakeAt - System.nanoTime()) > 0; ) LockSupport.parkNanos(left);
                if (Thread.interrupted()) Thread.currentThread().interrupt();
                long elapsed = System.nanoTime() - start;
                for (int i = 0; i < nsubscriptions; i++) {
                    if (deadline[i] >= 0 && deadline[i] <= elapsed) {
                        long s = inAt + 48L * i;
                        events = event(m, outAt, events, m.get(U64, s), Errno.SUCCESS, Abi.EVENTTYPE_CLOCK, 0, 0);
                    }
                }
            }
            putI32(m, neventsPtr, events);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    private static int event(MemorySegment m, long outAt, int index, long userdata, int errno, int type,
            long nbytes, int flags) {
        long e = outAt + 32L * index;
        m.asSlice(e, 32).fill((byte) 0);
        m.set(U64, e, userdata);
        m.set(U16, e + 8, (short) errno);
        m.set(JAVA_BYTE, e + 10, (byte) type);
        m.set(U64, e + 16, nbytes);
        m.set(U16, e + 24, (short) flags);
        return index + 1;
    }
}
