package dev.gatun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Typed function references in both tiers: call_ref and return_call_ref through tables, globals and
 * parameters of a defined type, br_on_null / br_on_non_null / ref.as_non_null with their traps, a table
 * initialiser, the local initialization rule, linking by full type, and the checks on what Java passes in.
 */
class TypedFunctionReferencesTest {
    private static final String WAT = """
            (module
              (type $ii (func (param i32) (result i32)))
              (func $double (type $ii) (i32.mul (local.get 0) (i32.const 2)))
              (func $inc (type $ii) (i32.add (local.get 0) (i32.const 1)))
              (elem declare func $double $inc)
              (table $t 2 (ref $ii) (ref.func $double))
              (global $g (ref $ii) (ref.func $inc))
              (global $slot (export "slot") (mut (ref null $ii)) (ref.null $ii))
              (func (export "apply") (param $f (ref null $ii)) (param $x i32) (result i32)
                (call_ref $ii (local.get $x) (local.get $f)))
              (func (export "viaTable") (param $i i32) (param $x i32) (result i32)
                (call_ref $ii (local.get $x) (table.get $t (local.get $i))))
              (func (export "viaGlobal") (param $x i32) (result i32)
                (call_ref $ii (local.get $x) (global.get $g)))
              (func (export "setInc") (table.set $t (i32.const 1) (ref.func $inc)))
              (func (export "orDefault") (param $f (ref null $ii)) (param $x i32) (result i32)
                ;; -1 when f is null, else f(x)
                (block $isNull
                  (return (call_ref $ii (local.get $x) (br_on_null $isNull (local.get $f)))))
                (i32.const -1))
              (func (export "nonNull") (param $f (ref null $ii)) (result i32)
                (block $some (result (ref $ii))
                  (br_on_non_null $some (local.get $f))
                  (return (i32.const 0)))
                (drop)
                (i32.const 1))
              (func (export "asNonNull") (param $f (ref null $ii)) (result i32)
                (call_ref $ii (i32.const 20) (ref.as_non_null (local.get $f))))
              ;; counts n down to 0 through return_call_ref, the callee from a non-nullable local
              (type $loop (func (param i32 i64) (result i64)))
              (func $step (type $loop) (local $self (ref $loop))
                (local.set $self (ref.func $step))
                (if (result i64) (i32.eqz (local.get 0))
                  (then (local.get 1))
                  (else (return_call_ref $loop (i32.sub (local.get 0) (i32.const 1))
                          (i64.add (local.get 1) (i64.extend_i32_u (local.get 0))) (local.get $self)))))
              (elem declare func $step)
              (func (export "sum") (param i32) (result i64) (call $step (local.get 0) (i64.const 0)))
              (func (export "fromSlot") (param $x i32) (result i32)
                (call_ref $ii (local.get $x) (global.get $slot)))
              (func (export "double") (type $ii) (call $double (local.get 0)))
            )""";

    private static Instance instance(Tier tier) {
        return WebAssembly.instantiate(WebAssembly.compile(Wat.parse(WAT), tier), Imports.builder().build());
    }

    private static int i32(Value[] v) { return ((Value.I32) v[0]).value(); }

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void callRefThroughParametersTablesAndGlobals(Tier tier) {
        Exports ex = instance(tier).exports();
        Value dbl = Value.funcref(ex.function("double"));
        assertEquals(14, i32(ex.function("apply").call(dbl, Value.i32(7))));
        assertEquals(10, i32(ex.function("viaTable").call(Value.i32(0), Value.i32(5))));
        assertEquals(10, i32(ex.function("viaTable").call(Value.i32(1), Value.i32(5))), "initialised by the table's expression");
        ex.function("setInc").call();
        assertEquals(6, i32(ex.function("viaTable").call(Value.i32(1), Value.i32(5))));
        assertEquals(9, i32(ex.function("viaGlobal").call(Value.i32(8))));
        assertEquals(24, i32(ex.function("orDefault").call(dbl, Value.i32(12))));
        assertEquals(-1, i32(ex.function("orDefault").call(Value.funcref(null), Value.i32(12))));
        assertEquals(1, i32(ex.function("nonNull").call(dbl)));
        assertEquals(0, i32(ex.function("nonNull").call(Value.funcref(null))));
        assertEquals(40, i32(ex.function("asNonNull").call(dbl)));
    }

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void returnCallRefRunsInConstantStack(Tier tier) {
        long n = 3_000_000;
        Value[] r = instance(tier).exports().function("sum").call(Value.i32((int) n));
        assertEquals(n * (n + 1) / 2, ((Value.I64) r[0]).value());
    }

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void nullReferencesTrapWithTheirOwnKinds(Tier tier) {
        Exports ex = instance(tier).exports();
        RuntimeError e = assertThrows(RuntimeError.class, () -> ex.function("apply").call(Value.funcref(null), Value.i32(1)));
        assertEquals(RuntimeError.Trap.NULL_FUNCTION_REFERENCE, e.trap());
        e = assertThrows(RuntimeError.class, () -> ex.function("fromSlot").call(Value.i32(1)));
        assertEquals(RuntimeError.Trap.NULL_FUNCTION_REFERENCE, e.trap());
        e = assertThrows(RuntimeError.class, () -> ex.function("asNonNull").call(Value.funcref(null)));
        assertEquals(RuntimeError.Trap.NULL_REFERENCE, e.trap());
    }

    @Test
    void javaCannotStoreAFunctionOfAnotherTypeOrNullWhereTheTypeForbidsIt() {
        Exports ex = instance(Tier.COMPILER).exports();
        Instance other = WebAssembly.instantiate(WebAssembly.compile(Wat.parse(
                "(module (func (export \"f\") (param f64) (result f64) (local.get 0)))")), Imports.builder().build());
        Value wrong = Value.funcref(other.exports().function("f"));
        assertThrows(IllegalArgumentException.class, () -> ex.function("apply").call(wrong, Value.i32(1)));
        Global slot = ex.global("slot");
        assertThrows(IllegalArgumentException.class, () -> slot.set(wrong));
        slot.set(Value.funcref(ex.function("double")));
        assertEquals(6, i32(ex.function("fromSlot").call(Value.i32(3))));
    }

    @Test
    void anImmutableJavaGlobalMeetsANonNullableImportByItsValue() {
        var module = WebAssembly.compile(Wat.parse("""
                (module (import "host" "g" (global $g (ref extern)))
                  (func (export "get") (result externref) (global.get $g)))"""));
        Object token = new Object();
        Global held = new Global(new GlobalType(ValType.EXTERNREF, false), Value.externref(token));
        Instance inst = WebAssembly.instantiate(module, Imports.builder().add("host", "g", held).build());
        assertEquals(Value.externref(token), inst.exports().function("get").call()[0]);
        // Null does not meet (ref extern), and a mutable global could be set to null later: both refused.
        Global nul = new Global(new GlobalType(ValType.EXTERNREF, false), Value.externref(null));
        Global mutable = new Global(new GlobalType(ValType.EXTERNREF, true), Value.externref(token));
        assertThrows(LinkError.class, () -> WebAssembly.instantiate(module, Imports.builder().add("host", "g", nul).build()));
        assertThrows(LinkError.class, () -> WebAssembly.instantiate(module, Imports.builder().add("host", "g", mutable).build()));
    }

    private static CompileError invalid(String wat) {
        return assertThrows(CompileError.class, () -> WebAssembly.compile(Wat.parse(wat)));
    }

    @Test
    void validationKnowsNullabilityInitializationAndDefinedTypes() {
        String t = "(type $ii (func (param i32) (result i32))) (type $v (func)) ";
        assertTrue(invalid("(module " + t + "(func (local $f (ref $ii)) (drop (local.get $f))))").getMessage().contains("uninitialized local"));
        // Set inside a block, the local is uninitialized again after it.
        assertTrue(invalid("(module " + t + "(func $g (local $f (ref $v)) (block (local.set $f (ref.func $g))) (drop (local.get $f)))"
                + " (elem declare func $g))").getMessage().contains("uninitialized local"));
        assertTrue(invalid("(module " + t + "(table 1 (ref func)))").getMessage().contains("type mismatch"));
        assertTrue(invalid("(module " + t + "(func (param (ref null $v)) (drop (call_ref $ii (i32.const 0) (local.get 0)))))")
                .getMessage().contains("type mismatch"));
        assertTrue(invalid("(module " + t + "(func (param funcref) (result (ref func)) (local.get 0)))").getMessage().contains("type mismatch"));
        // Fine: a nullable reference read before it is set, and a defined type where func is expected.
        WebAssembly.compile(Wat.parse("(module " + t + "(func (param (ref $ii)) (result funcref) (local (ref null $v)) (local.get 0)))"));
    }

    @Test
    void importsMatchByFullType() {
        Instance a = WebAssembly.instantiate(WebAssembly.compile(Wat.parse("""
                (module (type $ii (func (param i32) (result i32)))
                  (func $f (export "f") (param (ref $ii)) (result i32) (call_ref $ii (i32.const 1) (local.get 0)))
                  (func $id (type $ii) (local.get 0)) (elem declare func $id)
                  (global (export "g") (ref $ii) (ref.func $id))
                  (global (export "m") (mut (ref null $ii)) (ref.null $ii)))""")), Imports.builder().build());
        Imports from = Imports.builder().add("a", "f", a.exports().function("f")).add("a", "g", a.exports().global("g"))
                .add("a", "m", a.exports().global("m")).build();
        String ii = "(type $ii (func (param i32) (result i32))) ";
        WebAssembly.instantiate(WebAssembly.compile(Wat.parse("(module " + ii
                + "(import \"a\" \"f\" (func (param (ref $ii)) (result i32))) (import \"a\" \"g\" (global funcref))"
                + " (import \"a\" \"m\" (global (mut (ref null $ii)))))")), from);
        assertThrows(LinkError.class, () -> WebAssembly.instantiate(WebAssembly.compile(Wat.parse(
                "(module (import \"a\" \"f\" (func (param funcref) (result i32))))")), from));
        assertThrows(LinkError.class, () -> WebAssembly.instantiate(WebAssembly.compile(Wat.parse(
                "(module (import \"a\" \"m\" (global (mut funcref))))")), from), "a mutable global matches exactly");
    }
}
