package dev.gatun.model;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A defined type ({@code deftype}): member {@link #index} of a canonical recursion group. Iso-recursive
 * equivalence makes two definitions equal when their groups are equal member by member, with references
 * inside a group compared by position ({@link HeapType.Rec}) and those outside by identity; {@link #of}
 * interns groups, so equal types are one object across modules and {@code ==} is type equality.
 * <p>{@link #composite()} is the definition with its group's references resolved to the members themselves
 * (a cyclic graph, compared by identity); subtyping is one array load and compare ({@link #supers}, the chain
 * of declared supertypes from the root, indexed by depth). Each type has a process-wide {@link #id}.
 */
public final class DefinedType {
    /** A group member as written, the interning key: references into its group are {@link HeapType.Rec}. */
    public record SubType(boolean isFinal, List<HeapType> supers, CompositeType composite) {
        public SubType {
            supers = List.copyOf(supers);
        }
    }

    private static final ConcurrentHashMap<List<SubType>, DefinedType[]> GROUPS = new ConcurrentHashMap<>();
    private static int count;
    /** Grown by doubling under the lock; rewritten after each group so that readers see its members. */
    private static volatile DefinedType[] byId = new DefinedType[64];

    private final DefinedType[] group;
    private final int index, id;
    private final SubType key;
    private CompositeType composite;
    private DefinedType supertype;
    private DefinedType[] supers;

    private DefinedType(DefinedType[] group, int index, SubType key, int id) {
        this.group = group;
        this.index = index;
        this.key = key;
        this.id = id;
    }

    /** The canonical types of the recursion group {@code members}. */
    public static List<DefinedType> of(List<SubType> members) {
        members = List.copyOf(members);
        DefinedType[] g = GROUPS.get(members);
        if (g == null) {
            synchronized (GROUPS) {
                g = GROUPS.get(members);
                if (g == null) GROUPS.put(members, g = create(members));
            }
        }
        return List.of(g);
    }

    /** A function type outside any module (a host function's): final, without supertypes, alone in its group. */
    public static DefinedType of(FunctionType t) {
        return of(List.of(new SubType(true, List.of(), t))).getFirst();
    }

    /** The type with process-wide id {@code id}. */
    public static DefinedType byId(int id) { return byId[id]; }

    private static DefinedType[] create(List<SubType> members) {
        DefinedType[] g = new DefinedType[members.size()], all = byId;
        if (count + g.length > all.length) all = java.util.Arrays.copyOf(all, Math.max(2 * all.length, count + g.length));
        for (int i = 0; i < g.length; i++) all[count] = g[i] = new DefinedType(g, i, members.get(i), count++);
        byId = all;
        for (DefinedType t : g) t.composite = resolve(t.key.composite, g);
        // Supertypes in order: a valid one is an earlier member or outside the group (validation checks it).
        for (DefinedType t : g) {
            DefinedType s = null;
            if (t.key.supers.size() == 1) {
                s = switch (t.key.supers.getFirst()) {
                    case HeapType.Defined(DefinedType d) -> d;
                    case HeapType.Rec(int j) -> j < t.index ? g[j] : null;
                    case HeapType.Abstract a -> null;
                };
            }
            t.supertype = s;
            int depth = s == null ? 0 : s.supers.length;
            t.supers = new DefinedType[depth + 1];
            if (s != null) System.arraycopy(s.supers, 0, t.supers, 0, depth);
            t.supers[depth] = t;
        }
        return g;
    }

    private static CompositeType resolve(CompositeType c, DefinedType[] g) {
        return switch (c) {
            case FunctionType f -> FunctionType.ofTypes(f.paramTypes().stream().map(v -> resolve(v, g)).toList(),
                    f.resultTypes().stream().map(v -> resolve(v, g)).toList());
            case StructType s -> new StructType(s.fields().stream().map(f -> resolve(f, g)).toList());
            case ArrayType a -> new ArrayType(resolve(a.element(), g));
        };
    }

    private static FieldType resolve(FieldType f, DefinedType[] g) {
        return new FieldType(resolve(f.type(), g), f.packed(), f.mutable());
    }

    /** Keeps the kind the group's reader gave: the member may not be resolved yet, so its hierarchy is unknown here. */
    private static ValueType resolve(ValueType v, DefinedType[] g) {
        return v.heap() instanceof HeapType.Rec(int j) && j < g.length
                ? ValueType.ref(v.kind(), v.nullable(), new HeapType.Defined(g[j])) : v;
    }

    public int id() { return id; }

    /** The definition as written, references into the group as {@link HeapType.Rec}. */
    public SubType key() { return key; }

    /** The members of this type's recursion group. */
    public List<DefinedType> group() { return List.of(group); }

    public int index() { return index; }

    /** The definition, with references into its group resolved. */
    public CompositeType composite() { return composite; }

    public boolean isFinal() { return key.isFinal; }

    /** The declared supertype, or null. */
    public DefinedType supertype() { return supertype; }

    public boolean isFunc() { return composite instanceof FunctionType; }

    public FunctionType func() { return (FunctionType) composite; }

    /** Whether this type is {@code t} or declares it as a (transitive) supertype. */
    public boolean isSubtypeOf(DefinedType t) {
        DefinedType[] s = supers, u = t.supers;
        return u.length <= s.length && s[u.length - 1] == t;
    }

    @Override
    public String toString() {
        return group.length == 1 ? composite.toString() : "rec[" + id + "." + index + "]" + composite;
    }
}
