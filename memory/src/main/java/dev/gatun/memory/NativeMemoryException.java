package dev.gatun.memory;

/**
 * A system call behind linear memory failed: reserving the address range ({@code mmap}), committing pages
 * ({@code mprotect}) or releasing it ({@code munmap}). The message names the call, its arguments and
 * {@code errno} by name and number, e.g. {@code "mmap(NULL, 4295098368, PROT_NONE, ...) failed: ENOMEM (12)"}.
 */
public final class NativeMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String call;
    private final int errno;
    private final String errnoName;

    NativeMemoryException(String call, int errno, String errnoName) {
        super(call + " failed: " + errnoName + " (" + errno + ")");
        this.call = call;
        this.errno = errno;
        this.errnoName = errnoName;
    }

    /** The failed call with its arguments, as text. */
    public String call() { return call; }

    /** The {@code errno} value the call left. */
    public int errno() { return errno; }

    /** The symbolic name of {@link #errno()}, such as {@code ENOMEM}, or {@code "errno"} when unknown. */
    public String errnoName() { return errnoName; }
}
