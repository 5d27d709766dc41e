package dev.gatun.cli;

import dev.gatun.ValType;
import dev.gatun.Value;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValueTextTest {
    @Test
    void integersAcceptSignedAndUnsignedSpellings() {
        assertEquals(Value.i32(-1), ValueText.parse(ValType.I32, "-1"));
        assertEquals(Value.i32(-1), ValueText.parse(ValType.I32, "4294967295"));
        assertEquals(Value.i32(255), ValueText.parse(ValType.I32, "0xff"));
        assertEquals(Value.i64(Long.MIN_VALUE), ValueText.parse(ValType.I64, "-9223372036854775808"));
        assertEquals(Value.i64(-1), ValueText.parse(ValType.I64, "18446744073709551615"));
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse(ValType.I32, "4294967296"));
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse(ValType.I32, "-2147483649"));
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse(ValType.I64, "18446744073709551616"));
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse(ValType.I32, "twelve"));
    }

    @Test
    void floatsAcceptWasmSpellings() {
        assertEquals(Value.f32(1.5f), ValueText.parse(ValType.F32, "1.5"));
        assertEquals(Value.f64(Double.NEGATIVE_INFINITY), ValueText.parse(ValType.F64, "-inf"));
        assertEquals(ValType.F64, ValueText.parse(ValType.F64, "nan").type());
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse(ValType.F64, "1.5d"));
    }

    @Test
    void v128IsHexOfTheWhole128Bits() {
        Value v = ValueText.parse(ValType.V128, "0x000102030405060708090a0b0c0d0e0f");
        assertEquals(Value.v128(0x08090a0b0c0d0e0fL, 0x0001020304050607L), v);
        assertEquals("0x000102030405060708090a0b0c0d0e0f", ValueText.format(v));
        assertThrows(IllegalArgumentException.class, () -> ValueText.parse(ValType.V128, "0x1234"));
    }

    @Test
    void resultsPrintLikeWasmtime() {
        assertEquals("-1", ValueText.format(Value.i32(-1)));
        assertEquals("-1", ValueText.format(Value.i64(-1)));
        assertEquals("NaN", ValueText.format(Value.f32Bits(0x7fc00000)));
        assertEquals("-0.0", ValueText.format(Value.f64(-0.0)));
        assertEquals("null", ValueText.format(Value.externref(null)));
    }
}
