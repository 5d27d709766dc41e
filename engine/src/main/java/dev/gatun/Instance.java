package dev.gatun;

import dev.gatun.interpreter.FuelCosts;
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
    /** Fuel handed to the instance so far (InstanceLimits and setFuel), for fuelConsumed. */
    private long fuelGiven;

    Instance(Module module, InstanceState state, Exports exports, List<Memory> ownMemories, long fuelGiven) {
        this.fuelGiven = fuelGiven;
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

    /**
     * Sets the fuel left (wasmtime's {@code Store::set_fuel}); code running in this instance, on any thread,
     * consumes it and traps with {@link RuntimeError.Trap#OUT_OF_FUEL} once it would go below zero. Safe to
     * call while code runs, but only approximate then: that code sees the new amount at its next interrupt
     * poll, and may first consume or write back up to 65,536 units of what it had taken earlier.
     *
     * @throws IllegalStateException    if the module was compiled without {@link Module#withFuelMetering()}
     * @throws IllegalArgumentException if {@code fuel} is negative
     */
    public void setFuel(long fuel) {
        requireMetered();
        if (fuel < 0) throw new IllegalArgumentException("fuel must not be negative: " + fuel);
        synchronized (this) {
            fuelGiven = fuelConsumed() + fuel;
            FuelCosts.set(state, fuel);
        }
    }

    /** Fuel left ({@link #setFuel}). */
    public long getFuel() {
        requireMetered();
        return FuelCosts.left(state);
    }

    /** Fuel consumed since instantiation, over every {@link #setFuel} (instantiation's start function included). */
    public synchronized long fuelConsumed() {
        requireMetered();
        return fuelGiven - FuelCosts.left(state);
    }

    private void requireMetered() {
        if (!module.fuelMetered()) throw new IllegalStateException("the module was compiled without fuel metering (Module.withFuelMetering())");
    }

    /**
     * Releases the memories this instance defined (not imported ones). Calls into the instance afterwards,
     * and code still running in it, fail with {@link RuntimeError.Trap#CLOSED}.
     */
    @Override
    public void close() {
        state.closed = true;
        for (Memory m : ownMemories) m.close();
    }
}
