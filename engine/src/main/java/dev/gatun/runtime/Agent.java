package dev.gatun.runtime;

/**
 * Per Java thread, what the JS API calls an agent's [[CanBlock]]: whether {@code memory.atomic.wait} may
 * park this thread. An embedder clears it on threads that must stay responsive (an event loop, a UI
 * thread), as browsers do on their main thread; waits there trap instead of blocking.
 */
public final class Agent {
    private Agent() {}

    private static final ThreadLocal<Boolean> CAN_BLOCK = ThreadLocal.withInitial(() -> Boolean.TRUE);

    public static boolean canBlock() { return CAN_BLOCK.get(); }

    public static void setCanBlock(boolean allowed) { CAN_BLOCK.set(allowed); }
}
