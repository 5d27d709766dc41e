package dev.gatun.model;

import java.util.List;
import java.util.Objects;

/**
 * A function type ({@code functype}): parameter and result types.
 * <p>The engine's own twin of {@code dev.gatun.FunctionType}, which the API converts to and from.
 */
public record FunctionType(List<ValType> params, List<ValType> results) implements ExternType {
    public FunctionType {
        params = List.copyOf(Objects.requireNonNull(params, "params"));
        results = List.copyOf(Objects.requireNonNull(results, "results"));
    }

    public static FunctionType of(List<ValType> params, List<ValType> results) {
        return new FunctionType(params, results);
    }

    @Override
    public ExternKind kind() { return ExternKind.FUNCTION; }

    @Override
    public String toString() { return params + " -> " + results; }
}
