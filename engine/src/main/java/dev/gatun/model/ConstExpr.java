package dev.gatun.model;


/**
 * A constant expression ({@code expr} in global, element and data initialisers): one constant-producing
 * instruction, or (Wasm 3.0 extended constants) a tree of i32/i64 add, sub and mul over them. Values are raw
 * bits (i32 sign-extended, floats as raw bits).
 */
public sealed interface ConstExpr {
    /** {@code i32.const}, {@code i64.const}, {@code f32.const}, {@code f64.const}: type and raw bits. */
    record Num(ValType type, long bits) implements ConstExpr {}

    /** {@code v128.const}: low and high 64 bits (little-endian halves). */
    record V128(long lo, long hi) implements ConstExpr {}

    /** {@code ref.null t}. */
    record RefNull(ValueType type) implements ConstExpr {}

    /** {@code ref.func funcidx}. */
    record RefFunc(int funcidx) implements ConstExpr {}

    /** {@code global.get globalidx}: an immutable global, imported or defined before the one it initialises. */
    record GlobalGet(int globalidx) implements ConstExpr {}

    /**
     * A GC constant instruction over its operands: {@code struct.new}, {@code struct.new_default},
     * {@code array.new}, {@code array.new_default}, {@code array.new_fixed} (typeidx), {@code ref.i31},
     * {@code any.convert_extern}, {@code extern.convert_any} (typeidx -1).
     */
    record Gc(Instruction op, int typeidx, java.util.List<ConstExpr> operands) implements ConstExpr {
        public Gc {
            operands = java.util.List.copyOf(operands);
        }
    }

    /** {@code i32.add}, {@code i32.sub}, {@code i32.mul} or their i64 forms, applied to two constant expressions. */
    record Arith(Instruction op, ConstExpr lhs, ConstExpr rhs) implements ConstExpr {
        /** The operand and result type: i32 or i64. */
        public ValType type() {
            return op == Instruction.I32_ADD || op == Instruction.I32_SUB || op == Instruction.I32_MUL ? ValType.I32 : ValType.I64;
        }

        /** The value from the operands' raw bits (an i32 sign-extended, as {@link Num} keeps it). */
        public long apply(long a, long b) {
            return switch (op) {
                case I32_ADD -> (int) a + (int) b;
                case I32_SUB -> (int) a - (int) b;
                case I32_MUL -> (int) a * (int) b;
                case I64_ADD -> a + b;
                case I64_SUB -> a - b;
                case I64_MUL -> a * b;
                default -> throw new IllegalStateException("not a constant operator: " + op);
            };
        }

        public static boolean isOperator(Instruction in) {
            return switch (in) {
                case I32_ADD, I32_SUB, I32_MUL, I64_ADD, I64_SUB, I64_MUL -> true;
                default -> false;
            };
        }
    }
}
