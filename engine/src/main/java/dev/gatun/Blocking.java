package dev.gatun;

import dev.gatun.runtime.Agent;

/**
 * Whether {@code memory.atomic.wait} may block the calling Java thread, the JS API's [[CanBlock]]. Threads may
 * block unless the embedder says otherwise; mark a thread that must stay responsive (an event loop, a UI or
 * request thread), as browsers mark their main thread, and a wait on it traps with
 * {@link RuntimeError.Trap#WAIT_NOT_ALLOWED} instead of parking it. {@code memory.atomic.notify} and every
 * other atomic work on any thread.
 */
public final class Blocking {
    private Blocking() {}

    /** From now on, waits on the calling thread trap instead of blocking. */
    public static void disallowOnCurrentThread() { Agent.setCanBlock(false); }

    /** From now on, waits on the calling thread may block (the default). */
    public static void allowOnCurrentThread() { Agent.setCanBlock(true); }

    /** Whether waits on the calling thread may block. */
    public static boolean allowedOnCurrentThread() { return Agent.canBlock(); }
}
