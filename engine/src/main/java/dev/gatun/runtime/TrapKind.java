package dev.gatun.runtime;

/**
 * The kinds of trap the engine raises, with the spec reference interpreter's messages. The public API's
 * {@code RuntimeError.Trap} has the same constants in the same order; the API maps one to the other by name.
 */
public enum TrapKind {
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

    TrapKind(String message) { this.message = message; }

    public String message() { return message; }
}
