package dev.gatun.spark;

import dev.gatun.FunctionType;
import dev.gatun.ValType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The Spark view of a Wasm export: argument types and one result type. Purely numeric exports need none
 * ({@link #derive}); exports taking or returning bytes or strings declare theirs, since a Wasm signature
 * cannot tell a {@code (ptr, len)} pair from two integers.
 */
public record WasmSignature(List<WasmType> params, WasmType result) implements Serializable {
    public WasmSignature {
        params = List.copyOf(params);
        Objects.requireNonNull(result, "result");
    }

    public static WasmSignature of(WasmType result, WasmType... params) {
        return new WasmSignature(Arrays.asList(params), result);
    }

    /** The signature of a purely numeric export with one result. */
    public static WasmSignature derive(String export, FunctionType type) {
        if (type.results().size() != 1) {
            throw new IllegalArgumentException("wasm export '" + export + "' has " + type.results().size()
                    + " results; a UDF needs exactly one (" + type + ")");
        }
        List<WasmType> ps = new ArrayList<>();
        for (ValType p : type.params()) ps.add(scalar(export, type, p));
        return new WasmSignature(ps, scalar(export, type, type.results().getFirst()));
    }

    private static WasmType scalar(String export, FunctionType type, ValType t) {
        WasmType w = WasmType.ofScalar(t);
        if (w == null) {
            throw new IllegalArgumentException("wasm export '" + export + "' uses " + t
                    + ", which has no Spark type (" + type + ")");
        }
        return w;
    }

    /** The Wasm function type this signature stands for under the memory convention. */
    public FunctionType wasmType() {
        List<ValType> ps = new ArrayList<>();
        for (WasmType p : params) ps.addAll(p.paramTypes());
        return FunctionType.of(ps, List.of(result.resultType()));
    }

    /** Fails with both types spelled out when the export does not have this signature's Wasm type. */
    void check(String export, FunctionType actual) {
        FunctionType expected = wasmType();
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException("wasm export '" + export + "' has type " + actual + ", but "
                    + this + " needs " + expected);
        }
    }

    boolean usesBuffers() {
        if (result.isBuffer()) return true;
        for (WasmType p : params) if (p.isBuffer()) return true;
        return false;
    }

    @Override
    public String toString() { return params + " -> " + result; }
}
