package dev.gatun.memory;

import dev.gatun.memory.posix.posix_h;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import java.util.Map;

/**
 * The memory-mapping calls linear memory needs, with {@code errno} captured.
 *
 * <p>The constants come from the jextract-generated {@link posix_h}. The calls are linked here, with
 * {@link Linker.Option#captureCallState(String...) captureCallState("errno")} (jextract's handles drop
 * {@code errno}), so that a failure becomes a {@link NativeMemoryException} naming the errno. Each is linked
 * on its first use, in a holder class of its own: linking a downcall costs milliseconds of start-up (it
 * generates a stub class), and a short run may never unmap or discard.
 *
 * <p>Only used on Linux x86_64 and aarch64, where the generated constants are valid; {@link #UNAVAILABLE}
 * says why it is not usable elsewhere, and linear memory then uses its copying fallback.
 */
final class Mman {
    private Mman() {}

    /** Why the mapping path cannot be used here, or null when it can. */
    static final String UNAVAILABLE;
    /** Host page size from {@code sysconf(_SC_PAGESIZE)}, or 0 when unavailable. */
    static final long PAGE_SIZE;

    static final int PROT_NONE;
    static final int PROT_READ_WRITE;
    private static final int MAP_RESERVE_FLAGS;
    private static final long MAP_FAILED;

    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final Map<Integer, String> ERRNO_NAMES;

    // The C signatures on LP64 Linux (x86_64, aarch64): size_t and off_t are long, the flags int.
    private static final ValueLayout SIZE = ValueLayout.JAVA_LONG;

    private static final class Mmap {
        static final MethodHandle HANDLE = capturing("mmap", FunctionDescriptor.of(ValueLayout.ADDRESS,
                ValueLayout.ADDRESS, SIZE, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, SIZE));
    }

    private static final class Munmap {
        static final MethodHandle HANDLE = capturing("munmap", FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, SIZE));
    }

    private static final class Mprotect {
        static final MethodHandle HANDLE = capturing("mprotect", FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, SIZE, ValueLayout.JAVA_INT));
    }

    private static final class Madvise {
        static final MethodHandle HANDLE = capturing("madvise", FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, SIZE, ValueLayout.JAVA_INT));
    }

    static {
        String why = null;
        long page = 0;
        int protNone = 0, protRw = 0, flags = 0;
        long failed = -1;
        Map<Integer, String> names = Map.of();
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.startsWith("linux")) {
            why = "the mmap bindings are generated for Linux, this is " + System.getProperty("os.name");
        } else if (!(arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"))) {
            why = "the mmap bindings are generated for x86_64 and aarch64, this is " + arch;
        } else {
            try {
                // Linking mmap here, not at the first reservation, keeps a failure to link (no native access,
                // an unusual libc) a reason to use the fallback rather than an error at run time.
                Class.forName(Mmap.class.getName(), true, Mman.class.getClassLoader());
                MethodHandle sysconf = Linker.nativeLinker().downcallHandle(symbol("sysconf"),
                        FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
                page = (long) sysconf.invokeExact(posix_h._SC_PAGESIZE());
                protNone = posix_h.PROT_NONE();
                protRw = posix_h.PROT_READ() | posix_h.PROT_WRITE();
                flags = posix_h.MAP_PRIVATE() | posix_h.MAP_ANONYMOUS() | posix_h.MAP_NORESERVE();
                failed = posix_h.MAP_FAILED().address();
                names = Map.ofEntries(
                        Map.entry(posix_h.EPERM(), "EPERM"), Map.entry(posix_h.EIO(), "EIO"),
                        Map.entry(posix_h.EBADF(), "EBADF"), Map.entry(posix_h.EAGAIN(), "EAGAIN"),
                        Map.entry(posix_h.ENOMEM(), "ENOMEM"), Map.entry(posix_h.EACCES(), "EACCES"),
                        Map.entry(posix_h.EFAULT(), "EFAULT"), Map.entry(posix_h.EEXIST(), "EEXIST"),
                        Map.entry(posix_h.ENODEV(), "ENODEV"), Map.entry(posix_h.EINVAL(), "EINVAL"),
                        Map.entry(posix_h.ENFILE(), "ENFILE"), Map.entry(posix_h.ETXTBSY(), "ETXTBSY"),
                        Map.entry(posix_h.EOVERFLOW(), "EOVERFLOW"), Map.entry(posix_h.ENOTSUP(), "ENOTSUP"));
                // A Wasm page must be a whole number of host pages, or mprotect could not commit exactly one.
                if (page <= 0 || Pages.PAGE_SIZE % page != 0)
                    why = "host page size " + page + " does not divide the 64 KiB Wasm page";
            } catch (Throwable e) {
                // Symbol lookup or linking failed (e.g. no native access, unusual libc): use the fallback.
                why = "linking mmap/mprotect/munmap failed: " + e;
            }
        }
        UNAVAILABLE = why;
        PAGE_SIZE = why == null ? page : 0;
        PROT_NONE = protNone;
        PROT_READ_WRITE = protRw;
        MAP_RESERVE_FLAGS = flags;
        MAP_FAILED = failed;
        ERRNO_NAMES = names;
    }

    private static MemorySegment symbol(String name) {
        return Linker.nativeLinker().defaultLookup().findOrThrow(name);
    }

    private static MethodHandle capturing(String name, FunctionDescriptor descriptor) {
        return Linker.nativeLinker().downcallHandle(symbol(name), descriptor, Linker.Option.captureCallState("errno"));
    }

    /** Symbolic name of an errno value, e.g. {@code ENOMEM}. */
    static String errnoName(int errno) {
        return ERRNO_NAMES.getOrDefault(errno, "errno");
    }

    private static NativeMemoryException failure(String call, MemorySegment state) {
        int errno = (int) ERRNO.get(state, 0L);
        return new NativeMemoryException(call, errno, errnoName(errno));
    }

    /** Reserves {@code bytes} of address space, inaccessible, backed by nothing until committed. */
    static long reserve(long bytes) {
        // A per-call capture block: these calls are rare (create, grow, close) and may come from any thread.
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE_LAYOUT);
            MemorySegment result = (MemorySegment) Mmap.HANDLE.invokeExact(state, MemorySegment.NULL, bytes, PROT_NONE,
                    MAP_RESERVE_FLAGS, -1, 0L);
            if (result.address() == MAP_FAILED)
                throw failure("mmap(NULL, " + bytes
                        + ", PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0)", state);
            return result.address();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Changes the protection of {@code [address, address + bytes)}. */
    static void protect(long address, long bytes, int prot) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE_LAYOUT);
            int rc = (int) Mprotect.HANDLE.invokeExact(state, MemorySegment.ofAddress(address), bytes, prot);
            if (rc != 0)
                throw failure("mprotect(0x" + Long.toHexString(address) + ", " + bytes + ", "
                        + (prot == PROT_NONE ? "PROT_NONE" : prot == PROT_READ_WRITE ? "PROT_READ|PROT_WRITE" : prot)
                        + ")", state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Unmaps {@code [address, address + bytes)}. */
    static void unmap(long address, long bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE_LAYOUT);
            int rc = (int) Munmap.HANDLE.invokeExact(state, MemorySegment.ofAddress(address), bytes);
            if (rc != 0) throw failure("munmap(0x" + Long.toHexString(address) + ", " + bytes + ")", state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Asks the kernel to back the range with transparent huge pages where it can (THP "madvise" mode is the
     * Debian default): large memories are accessed randomly by image and data kernels, and 2 MiB pages cut
     * their TLB misses. Best effort: false (and nothing changes) where the kernel refuses.
     */
    static boolean adviseHugePages(long address, long bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE_LAYOUT);
            return (int) Madvise.HANDLE.invokeExact(state, MemorySegment.ofAddress(address), bytes, posix_h.MADV_HUGEPAGE()) == 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Drops the pages' contents (they read as zero again) and returns their physical memory to the system. */
    static void discard(long address, long bytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE_LAYOUT);
            int rc = (int) Madvise.HANDLE.invokeExact(state, MemorySegment.ofAddress(address), bytes,
                    posix_h.MADV_DONTNEED());
            if (rc != 0)
                throw failure("madvise(0x" + Long.toHexString(address) + ", " + bytes + ", MADV_DONTNEED)", state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        // invokeExact declares Throwable; the downcalls and our own code throw only unchecked exceptions.
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException("unexpected checked exception from a downcall", t);
    }
}
