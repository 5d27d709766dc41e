package dev.gatun;

import dev.gatun.interpreter.InstanceState;
import dev.gatun.runtime.MemInst;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An instantiated module: its exports, and control over code running in it. Calls into an instance
 * may come from any number of threads; each runs on its caller's thread.
 */
public final class Instance implements AutoCloseable {
    private final Module module;
    final InstanceState state;
    private final Exports exports;
    private final List<Memory> ownMemories;

    Instance(Module module, InstanceState state, Exports exports, List<Memory> ownMemories) {
        this.module = module;
        this.state = state;
        this.exports = exports;
        this.ownMemories = ownMemories;
    }

    public Module module() { return module; }

    public Exports exports() { return exports; }

    /**
     * Asks code running in this instance to stop: it traps with {@link RuntimeError.Trap#INTERRUPTED} at
     * its next loop back-edge or call. If nothing is running, the next call that runs long enough to poll
     * traps. The request is consumed by the trap. A thread of this instance parked in
     * {@code memory.atomic.wait} is woken and traps the same way.
     */
    public void interrupt() {
        state.interruptRequested = true;
        // Waiters park without polling; wake those of this instance's memories so they see the request.
        if (state.mems != null) {
            for (MemInst m : state.mems) if (m != null) m.lin.waiters().wakeAll();
        }
    }

    /** Code running in this instance past {@code deadline} traps with INTERRUPTED; null clears it. */
    public void setDeadline(Instant deadline) {
        if (deadline == null) { state.deadlineNanos = 0; return; }
        long nanos = Duration.between(Instant.now(), deadline).toNanos();
        long d = System.nanoTime() + Math.max(nanos, 0);
        state.deadlineNanos = d == 0 ? 1 : d;
    }

    /** Sets the deadline {@code timeout} from now. */
    public void setTimeout(Duration timeout) { setDeadline(Instant.now().plus(timeout)); }

    /** Releases the memories this instance defined (not imported ones). Calls afterwards trap or fail. */
    @Override
    public void close() {
        for (Memory m : ownMemories) m.close();
    }
}
