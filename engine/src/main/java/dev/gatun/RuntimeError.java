package dev.gatun;

import java.util.List;

/** A trap: Wasm code (or a host function it called) failed at run time. Carries the Wasm stack. */
public final class RuntimeError extends WebAssemblyException {
    /** The kinds of trap, with the spec reference interpreter's messages. */
    public enum Trap {
        UNREACHABLE("unreachable"),
        INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
        INTEGER_OVERFLOW("integer overflow"),
        INVALID_CONVERSION("invalid conversion to integer"),
        OUT_OF_BOUNDS_MEMORY("out of bounds memory access"),
        OUT_OF_BOUNDS_TABLE("out of bounds table access"),
        UNDEFINED_ELEMENT("undefined element"),
        UNINITIALIZED_ELEMENT("uninitialized element"),
        INDIRECT_CALL_TYPE_MISMATCH("indirect call type mismatch"),
        CALL_STACK_EXHAUSTED("call stack exhausted"),
        /** Instance.interrupt(), the deadline, or the thread's interrupt: the detail says which. */
        INTERRUPTED("interrupted"),
        /** The instance's fuel ran out (wasmtime: "all fuel consumed by WebAssembly"). */
        OUT_OF_FUEL("all fuel consumed"),
        /** The embedder's limits refused: an InstanceLimits cap below what the module needs, or the ResourceLimiter. */
        LIMIT_EXCEEDED("resource limit exceeded"),
        /** The process ran short: the budget of memory reservations or table elements, address space, heap. */
        RESOURCE_EXHAUSTED("resource exhausted"),
        /** A call into an instance (or through a memory) after close(). */
        CLOSED("instance closed"),
        HOST("host function failed"),
        /** {@code throw_ref} of a null exnref. */
        NULL_EXCEPTION_REFERENCE("null exception reference"),
        /** {@code call_ref} or {@code return_call_ref} of a null function reference. */
        NULL_FUNCTION_REFERENCE("null function reference"),
        /** {@code ref.as_non_null} of null. */
        NULL_REFERENCE("null reference"),
        /** A GC access (struct, array, i31) through a null reference. */
        NULL_STRUCTURE_REFERENCE("null structure reference"),
        NULL_ARRAY_REFERENCE("null array reference"),
        NULL_I31_REFERENCE("null i31 reference"),
        OUT_OF_BOUNDS_ARRAY("out of bounds array access"),
        /** {@code ref.cast} of a value not of the target type. */
        CAST_FAILURE("cast failure"),
        UNALIGNED_ATOMIC("unaligned atomic"),
        EXPECTED_SHARED_MEMORY("expected shared memory"),
        /** memory.atomic.wait on a thread the embedder marked as not allowed to block (like a browser's main thread). */
        WAIT_NOT_ALLOWED("memory.atomic.wait is not allowed on this thread"),
        /** The engine cannot run this instruction yet (SIMD in the interpreter). */
        UNSUPPORTED("unsupported instruction");

        private final String message;

        Trap(String message) { this.message = message; }

        public String message() { return message; }
    }

    /**
     * One Wasm frame: function index, its name (from the name section, else an export name; null when
     * neither has one) and the module byte offset of the instruction the frame stopped at (the trapping
     * instruction in the innermost frame, the call in the others), or -1 when the engine does not know it.
     * Prints as Node does: {@code name (wasm-function[3]:0x4a)}.
     */
    public record Frame(int funcidx, String name, long offset) {
        /** Node's location of the frame: {@code wasm-function[N]:0xOFF}, or {@code wasm-function[N]} without an offset. */
        public String location() {
            return "wasm-function[" + funcidx + "]" + (offset >= 0 ? ":0x" + Long.toHexString(offset) : "");
        }

        @Override
        public String toString() { return name != null ? name + " (" + location() + ")" : location(); }
    }

    private final Trap trap;
    private final List<Frame> wasmStack;

    public RuntimeError(Trap trap, String detail, List<Frame> wasmStack, Throwable cause) {
        super(format(trap, detail, wasmStack), cause);
        this.trap = trap;
        this.wasmStack = List.copyOf(wasmStack);
    }

    public RuntimeError(Trap trap) {
        this(trap, null, List.of(), null);
    }

    public Trap trap() { return trap; }

    /** Innermost frame first. */
    public List<Frame> wasmStack() { return wasmStack; }

    private static String format(Trap trap, String detail, List<Frame> stack) {
        StringBuilder sb = new StringBuilder(trap.message());
        if (detail != null && !detail.isEmpty()) sb.append(": ").append(detail);
        for (Frame f : stack) sb.append("\n    at ").append(f);
        return sb.toString();
    }
}
