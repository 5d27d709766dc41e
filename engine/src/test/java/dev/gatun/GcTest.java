package dev.gatun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Wasm GC in every tier: structs and arrays as objects the JVM collects, packed fields, i31, casts along
 * declared subtypes, references crossing to Java as opaque values and back, the conversions between any
 * and extern, and an allocation-heavy loop that only runs because the JVM reclaims what it made.
 */
class GcTest {
    private static final String WAT = """
            (module
              (type $point (sub (struct (field $x (mut i32)) (field $y (mut i32)))))
              (type $point3 (sub final $point (struct (field $x (mut i32)) (field $y (mut i32)) (field $z i64))))
              (type $bytes (array (mut i8)))
              (type $list (struct (field $head i32) (field $tail (ref null $list))))
              (func (export "make") (param i32 i32) (result (ref $point))
                (struct.new $point (local.get 0) (local.get 1)))
              (func (export "sum") (param (ref null $point)) (result i32)
                (i32.add (struct.get $point $x (local.get 0)) (struct.get $point $y (local.get 0))))
              (func (export "is3d") (param anyref) (result i32) (ref.test (ref $point3) (local.get 0)))
              (func (export "z") (param anyref) (result i64)
                (struct.get $point3 $z (ref.cast (ref $point3) (local.get 0))))
              (func (export "make3") (result anyref) (struct.new $point3 (i32.const 1) (i32.const 2) (i64.const -7)))
              ;; bytes: fill with v, then sum the unsigned and signed readings
              (func (export "bytes") (param $n i32) (param $v i32) (result i32) (local $a (ref $bytes)) (local $i i32) (local $s i32)
                (local.set $a (array.new $bytes (local.get $v) (local.get $n)))
                (block $done (loop $l
                  (br_if $done (i32.ge_u (local.get $i) (array.len (local.get $a))))
                  (local.set $s (i32.add (local.get $s)
                    (i32.add (array.get_u $bytes (local.get $a) (local.get $i)) (array.get_s $bytes (local.get $a) (local.get $i)))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $l)))
                (local.get $s))
              (func (export "oob") (param i32) (result i32) (array.get_u $bytes (array.new_default $bytes (i32.const 4)) (local.get 0)))
              (func (export "i31") (param i32) (result i32 i32)
                (i31.get_s (ref.i31 (local.get 0))) (i31.get_u (ref.i31 (local.get 0))))
              (func (export "eqI31") (param i32 i32) (result i32) (ref.eq (ref.i31 (local.get 0)) (ref.i31 (local.get 1))))
              (func (export "internalize") (param externref) (result anyref) (any.convert_extern (local.get 0)))
              (func (export "externalize") (param anyref) (result externref) (extern.convert_any (local.get 0)))
              ;; builds lists of n cells, m times, keeping only the last: the heap must reclaim the rest
              (func (export "churn") (param $n i32) (param $m i32) (result i32) (local $l (ref null $list)) (local $i i32) (local $s i32)
                (loop $outer
                  (local.set $l (ref.null $list))
                  (local.set $i (i32.const 0))
                  (loop $inner
                    (local.set $l (struct.new $list (local.get $i) (local.get $l)))
                    (br_if $inner (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
                  (br_if $outer (local.tee $m (i32.sub (local.get $m) (i32.const 1)))))
                (block $end (loop $walk
                  (br_if $end (ref.is_null (local.get $l)))
                  (local.set $s (i32.add (local.get $s) (struct.get $list $head (local.get $l))))
                  (local.set $l (struct.get $list $tail (local.get $l)))
                  (br $walk)))
                (local.get $s))
              (func (export "castOrMinus") (param anyref) (result i32)
                (block $ok (result (ref $point))
                  (br_on_cast $ok anyref (ref $point) (local.get 0))
                  (return (i32.const -1)))
                (struct.get $point $y))
            )""";

    /** In the compiler tier strictly: a function tier 2 could not compile would fail the test, not fall back. */
    private static Instance instance(Tier tier) {
        CompileOptions options = CompileOptions.defaults().withTier(tier).withStrictCompilation(tier == Tier.COMPILER);
        return WebAssembly.instantiate(WebAssembly.compile(Wat.parse(WAT), options), Imports.builder().build());
    }

    private static Value call(Instance inst, String name, Value... args) {
        return inst.exports().function(name).call(args)[0];
    }

    private static int i32(Value v) { return ((Value.I32) v).value(); }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void structsAndSubtypes(Tier tier) {
        Instance inst = instance(tier);
        Value p = call(inst, "make", Value.i32(3), Value.i32(4));
        Value.AnyRef ref = assertInstanceOf(Value.AnyRef.class, p);
        assertNotNull(ref.reference());
        assertEquals(7, i32(call(inst, "sum", p)));
        assertEquals(0, i32(call(inst, "is3d", p)));
        Value p3 = call(inst, "make3");
        assertEquals(1, i32(call(inst, "is3d", p3)));
        assertEquals(-7L, ((Value.I64) call(inst, "z", p3)).value());
        // A point3 is a point: sum takes it, br_on_cast takes it.
        assertEquals(3, i32(call(inst, "sum", p3)));
        assertEquals(2, i32(call(inst, "castOrMinus", p3)));
        assertEquals(-1, i32(call(inst, "castOrMinus", Value.anyref(null))));
        RuntimeError e = assertThrows(RuntimeError.class, () -> call(inst, "z", p));
        assertEquals(RuntimeError.Trap.CAST_FAILURE, e.trap());
        e = assertThrows(RuntimeError.class, () -> call(inst, "sum", Value.anyref(null)));
        assertEquals(RuntimeError.Trap.NULL_STRUCTURE_REFERENCE, e.trap());
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void packedArraysAndI31(Tier tier) {
        Instance inst = instance(tier);
        // 0xF0 read unsigned (240) and signed (-16), 5 times.
        assertEquals(5 * (240 - 16), i32(call(inst, "bytes", Value.i32(5), Value.i32(0x1F0))));
        assertEquals(RuntimeError.Trap.OUT_OF_BOUNDS_ARRAY,
                assertThrows(RuntimeError.class, () -> call(inst, "oob", Value.i32(4))).trap());
        Value[] r = inst.exports().function("i31").call(Value.i32(0x7FFF_FFFF));
        assertEquals(-1, i32(r[0]));
        assertEquals(0x7FFF_FFFF, i32(r[1]));
        assertEquals(1, i32(call(inst, "eqI31", Value.i32(5000), Value.i32(5000 | 0x8000_0000))));
        assertEquals(0, i32(call(inst, "eqI31", Value.i32(1), Value.i32(2))));
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void hostValuesPassBetweenExternAndAny(Tier tier) {
        Instance inst = instance(tier);
        Object host = new Object();
        Value any = call(inst, "internalize", Value.externref(host));
        assertSame(host, ((Value.AnyRef) any).reference());
        assertSame(host, ((Value.ExternRef) call(inst, "externalize", any)).object());
        // A host value in anyref is neither a struct nor anything Wasm can read fields of.
        assertEquals(0, i32(call(inst, "is3d", any)));
        assertThrows(IllegalArgumentException.class, () -> call(inst, "sum", any), "not a (ref null $point)");
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void theJvmReclaimsWhatWasmAllocates(Tier tier) {
        // 400 rounds of 100,000 cells (40 million structs, over a GiB if kept): only the last list survives.
        assertEquals((int) (100_000L * 99_999 / 2), i32(call(instance(tier), "churn", Value.i32(100_000), Value.i32(400))));
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void referencesToFunctionTypesOfTheirOwnRecursionGroup(Tier tier) {
        // $s names $f before $f is defined, $f names itself: both references are funcrefs, not anyrefs.
        String wat = """
                (module
                  (rec (type $s (struct (field (ref $f))))
                       (type $f (func (param i32 (ref null $f)) (result i32))))
                  (elem declare func $inc)
                  (func $inc (type $f) (i32.add (local.get 0) (i32.const 1)))
                  (func (export "viaStruct") (param i32) (result i32)
                    (local $k (ref $f))
                    (local.set $k (struct.get $s 0 (struct.new $s (ref.func $inc))))
                    (call_ref $f (local.get 0) (local.get $k) (local.get $k)))
                  (func (export "inc") (type $f) (i32.add (local.get 0) (i32.const 1)))
                  (func (export "next") (param funcref) (result (ref null $f)) (ref.cast (ref null $f) (local.get 0))))""";
        CompileOptions options = CompileOptions.defaults().withTier(tier).withStrictCompilation(tier == Tier.COMPILER);
        Instance inst = WebAssembly.instantiate(WebAssembly.compile(Wat.parse(wat), options), Imports.builder().build());
        assertEquals(42, i32(call(inst, "viaStruct", Value.i32(41))));
        // Across the API a (ref null $f) is a funcref both ways: Java passes one in and gets one back.
        Value inc = Value.funcref(inst.exports().function("inc"));
        assertEquals(8, i32(inst.exports().function("inc").call(Value.i32(7), inc)[0]));
        assertEquals(inc, call(inst, "next", inc));
    }

    @Test
    void equalRecursionGroupsAreOneTypeAcrossModules() {
        String exporter = """
                (module
                  (rec (type $a (struct (field (ref null $b)))) (type $b (struct (field (ref null $a)))))
                  (func (export "f") (param (ref null $a))))""";
        String importer = """
                (module
                  (rec (type $a (struct (field (ref null $b)))) (type $b (struct (field (ref null $a)))))
                  (import "m" "f" (func (param (ref null $a)))))""";
        String other = """
                (module
                  (rec (type $b (struct (field (ref null $a)))) (type $a (struct (field (ref null $b)))))
                  (import "m" "f" (func (param (ref null $a)))))""";
        Instance m = WebAssembly.instantiate(WebAssembly.compile(Wat.parse(exporter)), Imports.builder().build());
        Imports imports = Imports.builder().add("m", "f", m.exports().function("f")).build();
        assertNotNull(WebAssembly.instantiate(WebAssembly.compile(Wat.parse(importer)), imports));
        // The same two types in the other order are another group: $a is its second member, not its first.
        assertThrows(LinkError.class, () -> WebAssembly.instantiate(WebAssembly.compile(Wat.parse(other)), imports));
    }
}
