package dev.gatun.memory;

/**
 * A linear-memory access outside the committed bytes: the Wasm trap "out of bounds memory access".
 *
 * <p>Thrown by {@link LinearMemory}'s guest-facing accessors and bulk operations before any byte is touched.
 * It is unchecked and carries no stack trace, because guests trap on purpose (spec tests, sandboxed code)
 * and the engine maps it to a trap anyway; the message is built only when asked for.
 */
public final class OutOfBoundsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long address;
    private final long length;
    private final long memoryBytes;

    /**
     * @param address     first byte of the access (effective address)
     * @param length      bytes accessed
     * @param memoryBytes committed size of the memory at the time of the access
     */
    public OutOfBoundsException(long address, long length, long memoryBytes) {
        super(null, null, false, false);
        this.address = address;
        this.length = length;
        this.memoryBytes = memoryBytes;
    }

    /** First byte of the failed access. */
    public long address() { return address; }

    /** Number of bytes the failed access covered. */
    public long length() { return length; }

    /** Committed size of the memory when the access failed. */
    public long memoryBytes() { return memoryBytes; }

    @Override
    public String getMessage() {
        return "out of bounds memory access: " + length + " byte(s) at " + Long.toUnsignedString(address)
                + ", memory size " + memoryBytes;
    }
}
