package dev.gatun.model;

import java.util.List;
import java.util.Objects;

/**
 * A function type ({@code functype}): parameter and result types.
 * <p>{@link #params()} and {@link #results()} give their representation kinds, which is what execution
 * needs; {@link #paramTypes()} and {@link #resultTypes()} the full types, by which two function types are
 * equal (the structural equivalence {@code call_indirect} and linking check).
 * <p>The engine's own twin of {@code dev.gatun.FunctionType}, which the API converts to and from.
 */
public final class FunctionType implements ExternType, CompositeType {
    private final List<ValueType> paramTypes, resultTypes;
    private final List<ValType> params, results;
    private final int hash;

    private FunctionType(List<ValueType> paramTypes, List<ValueType> resultTypes, boolean unused) {
        this.paramTypes = List.copyOf(Objects.requireNonNull(paramTypes, "params"));
        this.resultTypes = List.copyOf(Objects.requireNonNull(resultTypes, "results"));
        this.params = this.paramTypes.stream().map(ValueType::kind).toList();
        this.results = this.resultTypes.stream().map(ValueType::kind).toList();
        this.hash = 31 * this.paramTypes.hashCode() + this.resultTypes.hashCode();
    }

    /** A type over kinds alone: reference types are the nullable abstract ones ({@code funcref}, ...). */
    public FunctionType(List<ValType> params, List<ValType> results) {
        this(params.stream().map(ValueType::of).toList(), results.stream().map(ValueType::of).toList(), false);
    }

    public static FunctionType of(List<ValType> params, List<ValType> results) {
        return new FunctionType(params, results);
    }

    /** A type over full value types (typed references). */
    public static FunctionType ofTypes(List<ValueType> params, List<ValueType> results) {
        return new FunctionType(params, results, false);
    }

    public List<ValType> params() { return params; }

    public List<ValType> results() { return results; }

    public List<ValueType> paramTypes() { return paramTypes; }

    public List<ValueType> resultTypes() { return resultTypes; }

    @Override
    public ExternKind kind() { return ExternKind.FUNCTION; }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionType t && hash == t.hash && paramTypes.equals(t.paramTypes) && resultTypes.equals(t.resultTypes);
    }

    @Override
    public int hashCode() { return hash; }

    @Override
    public String toString() { return paramTypes + " -> " + resultTypes; }
}
