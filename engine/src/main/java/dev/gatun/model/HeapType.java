package dev.gatun.model;

/**
 * The heap type of a reference type ({@code heaptype}). Defined types are held canonically, by structure,
 * so that two modules' equal definitions are one type (iso-recursive equivalence: every type definition is
 * its own recursion group until GC brings explicit ones).
 */
public sealed interface HeapType {
    /** An abstract heap type ({@code func}, {@code extern}, {@code exn} and their bottoms), by its {@link TypeCode}. */
    record Abstract(int code) implements HeapType {
        /** Whether this is a bottom type ({@code nofunc}, {@code noextern}, {@code noexn}). */
        public boolean isBottom() { return code == TypeCode.NOFUNC || code == TypeCode.NOEXTERN || code == TypeCode.NOEXN; }
    }

    /** A defined function type, compared by structure. */
    record Defined(FunctionType type) implements HeapType {}

    /** Inside a type definition: the type being defined (index 0 of its recursion group). */
    record Self() implements HeapType {}

    Abstract FUNC = new Abstract(TypeCode.FUNC), EXTERN = new Abstract(TypeCode.EXTERN), EXN = new Abstract(TypeCode.EXN);
    Self SELF = new Self();
}
