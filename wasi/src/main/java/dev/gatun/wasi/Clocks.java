package dev.gatun.wasi;

import static dev.gatun.wasi.Mem.*;
import java.lang.management.ManagementFactory;
import java.time.Instant;

/** clock_res_get and clock_time_get; {@link #now} and {@link #resolution} also serve poll_oneoff's clock subscriptions. */
final class Clocks extends Calls {
    Clocks(Context cx) { super(cx); }

    static long now(int clockId) throws Errno.WasiError {
        return switch (clockId) {
            case Abi.CLOCK_REALTIME -> {
                Instant t = Instant.now();
                yield t.getEpochSecond() * 1_000_000_000L + t.getNano();
            }
            case Abi.CLOCK_MONOTONIC -> System.nanoTime();
            case Abi.CLOCK_PROCESS_CPUTIME -> ProcessHandle.current().info().totalCpuDuration()
                    .map(d -> d.toNanos())
                    .orElseGet(() -> ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
            case Abi.CLOCK_THREAD_CPUTIME -> ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            default -> throw Errno.error(Errno.INVAL);
        };
    }

    static long resolution(int clockId) throws Errno.WasiError {
        return switch (clockId) {
            case Abi.CLOCK_REALTIME, Abi.CLOCK_MONOTONIC, Abi.CLOCK_THREAD_CPUTIME -> 1L;
            // The JDK reads process CPU time from /proc in clock ticks (USER_HZ = 100 on Linux).
            case Abi.CLOCK_PROCESS_CPUTIME -> 10_000_000L;
            default -> throw Errno.error(Errno.INVAL);
        };
    }

    int clockResGet(int clockId, int resPtr) {
        try {
            long r = resolution(clockId);
            putI64(mem(), u(resPtr), r);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }

    int clockTimeGet(int clockId, long precision, int timePtr) {
        try {
            long t = now(clockId);
            putI64(mem(), u(timePtr), t);
            return Errno.SUCCESS;
        } catch (Exception e) {
            return Errno.of(e);
        }
    }
}
