package dev.gatun.spark;

import dev.gatun.ValType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

import java.util.List;

/**
 * The Spark-side type of one UDF argument or result, and the Wasm values that carry it. Numbers map one
 * to one ({@code i32} to {@code IntegerType} and so on); {@code BINARY} and {@code STRING} (UTF-8) travel
 * through linear memory: as an argument, a {@code (ptr i32, len i32)} pair; as a result, one {@code i64}
 * packing {@code ptr << 32 | len} (see the package documentation for the full convention).
 */
public enum WasmType {
    INT(DataTypes.IntegerType, List.of(ValType.I32)),
    LONG(DataTypes.LongType, List.of(ValType.I64)),
    FLOAT(DataTypes.FloatType, List.of(ValType.F32)),
    DOUBLE(DataTypes.DoubleType, List.of(ValType.F64)),
    BINARY(DataTypes.BinaryType, List.of(ValType.I32, ValType.I32)),
    STRING(DataTypes.StringType, List.of(ValType.I32, ValType.I32));

    private final DataType sparkType;
    private final List<ValType> paramTypes;

    WasmType(DataType sparkType, List<ValType> paramTypes) {
        this.sparkType = sparkType;
        this.paramTypes = paramTypes;
    }

    public DataType sparkType() { return sparkType; }

    /** The Wasm parameters one argument of this type occupies. */
    public List<ValType> paramTypes() { return paramTypes; }

    /** The single Wasm result that returns a value of this type. */
    public ValType resultType() { return isBuffer() ? ValType.I64 : paramTypes.getFirst(); }

    /** True for the types passed through linear memory. */
    public boolean isBuffer() { return this == BINARY || this == STRING; }

    /** The numeric type carried by one Wasm value type, or null when there is none (v128, references). */
    static WasmType ofScalar(ValType t) {
        return switch (t) {
            case I32 -> INT;
            case I64 -> LONG;
            case F32 -> FLOAT;
            case F64 -> DOUBLE;
            default -> null;
        };
    }
}
