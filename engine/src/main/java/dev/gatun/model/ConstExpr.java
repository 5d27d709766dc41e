package dev.gatun.model;


/**
 * A Wasm 2.0 constant expression ({@code expr} in global, element and data initialisers): exactly one
 * constant-producing instruction. Values are raw bits (i32 sign-extended, floats as raw bits).
 */
public sealed interface ConstExpr {
    /** {@code i32.const}, {@code i64.const}, {@code f32.const}, {@code f64.const}: type and raw bits. */
    record Num(ValType type, long bits) implements ConstExpr {}

    /** {@code v128.const}: low and high 64 bits (little-endian halves). */
    record V128(long lo, long hi) implements ConstExpr {}

    /** {@code ref.null t}. */
    record RefNull(ValType type) implements ConstExpr {}

    /** {@code ref.func funcidx}. */
    record RefFunc(int funcidx) implements ConstExpr {}

    /** {@code global.get globalidx} (an imported global in Wasm 2.0). */
    record GlobalGet(int globalidx) implements ConstExpr {}
}
