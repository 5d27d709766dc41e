package dev.gatun;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.LongUnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/** Typed views of functions: method handles and functional interfaces, in every tier and for host functions. */
class TypedCallTest {
    static final String WAT = """
            (module
              (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
              (func (export "neg") (param i64) (result i64) (i64.sub (i64.const 0) (local.get 0)))
              (func (export "hyp") (param f64 f64) (result f64)
                (f64.sqrt (f64.add (f64.mul (local.get 0) (local.get 0)) (f64.mul (local.get 1) (local.get 1)))))
              (func (export "half") (param f32) (result f32) (f32.mul (local.get 0) (f32.const 0.5)))
              (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
              (func (export "two") (result i32 i64) (i32.const 1) (i64.const 2))
              (func (export "id") (param externref) (result externref) (local.get 0))
              (global $g (mut i32) (i32.const 0))
              (func (export "bump") (global.set $g (i32.add (global.get $g) (i32.const 1))))
              (func (export "count") (result i32) (global.get $g)))
            """;

    /** Interface of the test's own, public: the generated view implements it. */
    public interface Adder {
        int add(int a, int b);
    }

    private static Exports exports(Tier tier) {
        return WebAssembly.instantiate(WebAssembly.compile(Wat.parse(WAT), tier), Imports.empty()).exports();
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void methodHandlesHaveTheNaturalJavaType(Tier tier) throws Throwable {
        Exports e = exports(tier);
        MethodHandle add = e.function("add").asMethodHandle();
        assertEquals(MethodType.methodType(int.class, int.class, int.class), add.type());
        assertEquals(5, (int) add.invokeExact(2, 3));
        assertEquals(Integer.MIN_VALUE, (int) add.invokeExact(Integer.MAX_VALUE, 1));
        assertEquals(-7L, (long) e.function("neg").asMethodHandle().invokeExact(7L));
        assertEquals(0.75f, (float) e.function("half").asMethodHandle().invokeExact(1.5f));
        MethodHandle bump = e.function("bump").asMethodHandle();
        assertEquals(MethodType.methodType(void.class), bump.type());
        bump.invokeExact();
        bump.invokeExact();
        assertEquals(2, (int) e.function("count").asMethodHandle().invokeExact());
        Value[] two = (Value[]) e.function("two").asMethodHandle().invokeExact();
        assertArrayEquals(new Value[] {Value.i32(1), Value.i64(2)}, two);
        Object o = new Object();
        assertSame(o, (Object) e.function("id").asMethodHandle().invokeExact(o));
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void functionalInterfaceViews(Tier tier) {
        Exports e = exports(tier);
        assertEquals(42, e.function("add").typed(IntBinaryOperator.class).applyAsInt(40, 2));
        assertEquals(42, e.function("add").typed(Adder.class).add(40, 2));
        assertEquals(-3L, e.function("neg").typed(LongUnaryOperator.class).applyAsLong(3));
        assertEquals(5.0, e.function("hyp").typed(DoubleBinaryOperator.class).applyAsDouble(3, 4));
        // A generic interface: boxed at the interface, still the same function.
        @SuppressWarnings("unchecked")
        java.util.function.BinaryOperator<Integer> boxed = e.function("add").typed(java.util.function.BinaryOperator.class);
        assertEquals(7, boxed.apply(3, 4));
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void trapsThrowRuntimeErrorWithTheWasmStack(Tier tier) {
        IntBinaryOperator div = exports(tier).function("div").typed(IntBinaryOperator.class);
        assertEquals(3, div.applyAsInt(7, 2));
        RuntimeError err = assertThrows(RuntimeError.class, () -> div.applyAsInt(1, 0));
        assertEquals(RuntimeError.Trap.INTEGER_DIVIDE_BY_ZERO, err.trap());
        assertFalse(err.wasmStack().isEmpty(), err.getMessage());
        assertEquals(4, err.wasmStack().get(0).funcidx());
    }

    @Test
    void aTieredFunctionSwitchesToCompiledCodeAndKeepsItsResults() {
        IntBinaryOperator add = exports(Tier.TIERED).function("add").typed(IntBinaryOperator.class);
        // Enough calls to pass the tiering threshold; the view relinks when the code is published.
        long sum = 0;
        for (int i = 0; i < 200_000; i++) sum += add.applyAsInt(i, 1);
        assertEquals(200_000L * 199_999 / 2 + 200_000, sum);
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void aViewOfAClosedInstanceTrapsClosed(Tier tier) {
        Instance i = WebAssembly.instantiate(WebAssembly.compile(Wat.parse(WAT), tier), Imports.empty());
        IntBinaryOperator add = i.exports().function("add").typed(IntBinaryOperator.class);
        assertEquals(3, add.applyAsInt(1, 2));
        i.close();
        assertEquals(RuntimeError.Trap.CLOSED, assertThrows(RuntimeError.class, () -> add.applyAsInt(1, 2)).trap());
    }

    @Test
    void hostFunctionsHaveTypedViewsToo() throws Throwable {
        Function mul = Function.host(FunctionType.of(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)),
                args -> new Value[] {Value.i32(((Value.I32) args[0]).value() * ((Value.I32) args[1]).value())});
        assertEquals(42, (int) mul.asMethodHandle().invokeExact(6, 7));
        assertEquals(42L, (long) mul.typed(MethodType.methodType(long.class, int.class, int.class)).invokeExact(6, 7));
    }

    @Test
    void mismatchedViewsAreTheCallersMistake() {
        Function add = exports(Tier.COMPILER).function("add");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> add.typed(MethodType.methodType(int.class, int.class)));
        assertTrue(e.getMessage().contains("[i32, i32] -> [i32]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> add.typed(LongUnaryOperator.class));
        assertThrows(IllegalArgumentException.class, () -> add.typed(Runnable.class));
        assertThrows(IllegalArgumentException.class, () -> add.typed(String.class));
        assertThrows(IllegalArgumentException.class, () -> add.typed(java.util.Iterator.class));
    }
}
