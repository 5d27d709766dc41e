package dev.gatun.model;

/**
 * The heap type of a reference type ({@code heaptype}): abstract, a defined type (canonical, so compared by
 * identity), or inside a type definition a member of the recursion group being defined.
 */
public sealed interface HeapType {
    /** An abstract heap type ({@code any}, {@code func}, {@code none}, ...), by its {@link TypeCode}. */
    record Abstract(int code) implements HeapType {
        /** Whether this is a bottom type ({@code none}, {@code nofunc}, {@code noextern}, {@code noexn}). */
        public boolean isBottom() {
            return code == TypeCode.NONE || code == TypeCode.NOFUNC || code == TypeCode.NOEXTERN || code == TypeCode.NOEXN;
        }
    }

    /** A defined type. */
    record Defined(DefinedType type) implements HeapType {}

    /** Inside a recursion group's definitions, before it is canonical: its member {@code index}. */
    record Rec(int index) implements HeapType {}

    Abstract FUNC = new Abstract(TypeCode.FUNC), EXTERN = new Abstract(TypeCode.EXTERN), EXN = new Abstract(TypeCode.EXN),
            ANY = new Abstract(TypeCode.ANY);

    /** The top heap type of this type's hierarchy: {@code any}, {@code func}, {@code extern} or {@code exn}. */
    default int top() {
        return switch (this) {
            case Abstract(int c) -> switch (c) {
                case TypeCode.FUNC, TypeCode.NOFUNC -> TypeCode.FUNC;
                case TypeCode.EXTERN, TypeCode.NOEXTERN -> TypeCode.EXTERN;
                case TypeCode.EXN, TypeCode.NOEXN -> TypeCode.EXN;
                default -> TypeCode.ANY;
            };
            case Defined(DefinedType d) -> d.isFunc() ? TypeCode.FUNC : TypeCode.ANY;
            case Rec r -> throw new IllegalStateException("unresolved " + r);
        };
    }

    /** Heap subtyping ({@code heaptype <: heaptype}) of resolved heap types. */
    static boolean matches(HeapType a, HeapType b) {
        if (a.equals(b)) return true;
        if (a instanceof Rec || b instanceof Rec || a.top() != b.top()) return false;
        if (a instanceof Abstract x && x.isBottom()) return true;
        return switch (b) {
            case Abstract(int c) -> switch (c) {
                case TypeCode.ANY, TypeCode.FUNC, TypeCode.EXTERN, TypeCode.EXN -> true;
                case TypeCode.EQ -> a instanceof Abstract(int ac) ? ac == TypeCode.I31 || ac == TypeCode.STRUCT || ac == TypeCode.ARRAY
                        : !((Defined) a).type().isFunc();
                case TypeCode.STRUCT -> a instanceof Defined(DefinedType d) && d.composite() instanceof StructType;
                case TypeCode.ARRAY -> a instanceof Defined(DefinedType d) && d.composite() instanceof ArrayType;
                default -> false;
            };
            case Defined(DefinedType d) -> a instanceof Defined(DefinedType e) && e.isSubtypeOf(d);
            case Rec r -> false;
        };
    }
}
