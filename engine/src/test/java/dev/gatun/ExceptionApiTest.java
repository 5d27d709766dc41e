package dev.gatun;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Wasm exceptions through the public API (as the JS API's WebAssembly.Tag and WebAssembly.Exception), in
 * each tier and across the tier boundary: Wasm to Java, Java to Wasm, and a trap never being one.
 */
class ExceptionApiTest {
    private static final String THROWER = """
            (module
              (tag $e (export "e") (param i32 f64))
              (func (export "throw") (param i32)
                (throw $e (local.get 0) (f64.const 2.5)))
              (func (export "trap") (unreachable)))
            """;

    private static Instance instantiate(String wat, Tier tier, Imports imports) {
        return WebAssembly.instantiate(WebAssembly.compile(Wat.parse(wat), tier), imports);
    }

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void aWasmExceptionReachesJavaWithItsTagAndPayload(Tier tier) {
        Instance inst = instantiate(THROWER, tier, Imports.empty());
        Tag e = inst.exports().tag("e");
        assertEquals(List.of(ValType.I32, ValType.F64), e.type().params());
        assertSame(e, inst.exports().tag("e"), "one public object per tag");
        WasmException x = assertThrows(WasmException.class, () -> inst.exports().function("throw").call(Value.i32(7)));
        assertTrue(x.is(e));
        assertFalse(x.is(Tag.of(ValType.I32, ValType.F64)), "tags compare by identity, not type");
        assertEquals(Value.i32(7), x.getArg(e, 0));
        assertEquals(Value.f64(2.5), x.getArg(e, 1));
        assertEquals(List.of(Value.i32(7), Value.f64(2.5)), x.values());
        assertThrows(IllegalArgumentException.class, () -> x.getArg(Tag.of(), 0));
        assertThrows(RuntimeError.class, () -> inst.exports().function("trap").call());
    }

    /** The catcher imports the thrower's functions and a Java host function; all three throw one tag. */
    private static final String CATCHER = """
            (module
              (import "m" "e" (tag $e (param i32 f64)))
              (import "m" "throw" (func $throw (param i32)))
              (import "m" "trap" (func $trap))
              (import "host" "throw" (func $host (param i32)))
              (func (export "catchWasm") (param i32) (result i32)
                (block $h (result i32 f64)
                  (try_table (catch $e $h) (call $throw (local.get 0)))
                  (return (i32.const -1)))
                (drop))
              (func (export "catchHost") (param i32) (result i32)
                (block $h (result i32 f64)
                  (try_table (catch $e $h) (call $host (local.get 0)))
                  (return (i32.const -1)))
                (drop))
              (func (export "rethrowHost") (param i32)
                (block $h (result exnref)
                  (try_table (catch_all_ref $h) (call $host (local.get 0)))
                  (return))
                (throw_ref))
              (func (export "trapIsNotCaught") (result i32)
                (block $h
                  (try_table (catch_all $h) (call $trap))
                  (return (i32.const 0)))
                (i32.const 1)))
            """;

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void exceptionsCrossFramesTiersAndJava(Tier catcherTier) {
        // The thrower runs in the other tier: the exception crosses the tier boundary.
        Tier throwerTier = catcherTier == Tier.COMPILER ? Tier.INTERPRETER : Tier.COMPILER;
        Instance thrower = instantiate(THROWER, throwerTier, Imports.empty());
        Tag e = thrower.exports().tag("e");
        AtomicReference<WasmException> thrown = new AtomicReference<>();
        Function host = Function.host(FunctionType.of(List.of(ValType.I32), List.of()), args -> {
            int v = ((Value.I32) args[0]).value();
            if (v < 0) throw new IllegalStateException("not a Wasm exception");
            WasmException x = new WasmException(e, Value.i32(v * 10), Value.f64(1.0));
            thrown.set(x);
            throw x;
        });
        Imports imports = Imports.builder().instance("m", thrower).add("host", "throw", host).build();
        Instance catcher = instantiate(CATCHER, catcherTier, imports);
        Exports ex = catcher.exports();
        assertEquals(Value.i32(5), ex.function("catchWasm").call(Value.i32(5))[0]);
        assertEquals(Value.i32(30), ex.function("catchHost").call(Value.i32(3))[0]);
        // Rethrown through Wasm, a Java-thrown exception comes back as the very same object.
        WasmException back = assertThrows(WasmException.class, () -> ex.function("rethrowHost").call(Value.i32(4)));
        assertSame(thrown.get(), back);
        // Anything else a host function throws is a trap, which no catch_all catches.
        RuntimeError hostTrap = assertThrows(RuntimeError.class, () -> ex.function("catchHost").call(Value.i32(-1)));
        assertEquals(RuntimeError.Trap.HOST, hostTrap.trap());
        RuntimeError trap = assertThrows(RuntimeError.class, () -> ex.function("trapIsNotCaught").call());
        assertEquals(RuntimeError.Trap.UNREACHABLE, trap.trap());
    }

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void payloadsOfEveryKindArriveIntact(Tier tier) {
        // A v128, a reference and an i64 through try_table, and through the legacy try (whose clause
        // starts with the payload), with values below the try that its handler must restore.
        Instance inst = instantiate("""
                (module
                  (tag $v (param v128 externref i64))
                  (func $throw (param externref)
                    (throw $v (v128.const i64x2 5 6) (local.get 0) (i64.const 7)))
                  (func (export "table") (param externref) (result i64 externref)
                    (local $x externref) (local $i i64) (local $w v128)
                    (i64.const 100)
                    (block $h (result v128 externref i64)
                      (try_table (catch $v $h) (call $throw (local.get 0)))
                      (unreachable))
                    (local.set $i) (local.set $x) (local.set $w)
                    (i64.add (i64.add (local.get $i) (i64x2.extract_lane 1 (local.get $w))))
                    (local.get $x))
                  (func (export "legacy") (param externref) (result i64 externref)
                    (local $x externref) (local $i i64) (local $w v128)
                    (i64.const 1000)
                    (try (result i64)
                      (do (call $throw (local.get 0)) (i64.const 0))
                      (catch $v
                        (local.set $i) (local.set $x) (local.set $w)
                        (i64.add (local.get $i) (i64x2.extract_lane 0 (local.get $w)))))
                    (i64.add)
                    (local.get $x)))
                """, tier, Imports.empty());
        Object o = new Object();
        assertArrayEquals(new Value[] {Value.i64(113), Value.externref(o)}, inst.exports().function("table").call(Value.externref(o)));
        assertArrayEquals(new Value[] {Value.i64(1012), Value.externref(o)}, inst.exports().function("legacy").call(Value.externref(o)));
    }

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void exnrefsCrossOpaquelyAndComeBackOnlyAsTheyLeft(Tier tier) {
        // As wasmtime's ExnRef: Java may hold a caught exception and hand it back to be rethrown, but not make one.
        Instance inst = instantiate("""
                (module
                  (tag $e (param i32))
                  (table (export "t") 1 exnref)
                  (global (export "g") (mut exnref) (ref.null exn))
                  (func (export "catch") (param i32) (result exnref) (local $x exnref)
                    (block $h (result i32 exnref)
                      (try_table (catch_ref $e $h) (throw $e (local.get 0)))
                      (unreachable))
                    (local.set $x) (drop) (local.get $x))
                  (func (export "payload") (param exnref) (result i32)
                    (block $h (result i32)
                      (try_table (catch $e $h) (throw_ref (local.get 0)))
                      (unreachable))))
                """, tier, Imports.empty());
        assertEquals(Value.exnref(null), inst.exports().table("t").get(0));
        assertEquals(Value.exnref(null), inst.exports().global("g").get());
        Value caught = inst.exports().function("catch").call(Value.i32(42))[0];
        Value.ExnRef x = assertInstanceOf(Value.ExnRef.class, caught);
        assertNotNull(x.exception());
        assertArrayEquals(new Value[] {Value.i32(42)}, inst.exports().function("payload").call(caught));
        assertThrows(IllegalArgumentException.class, () -> inst.exports().function("payload").call(new Value.ExnRef(new Object())),
                "Java cannot forge an exception reference");
        RuntimeError e = assertThrows(RuntimeError.class, () -> inst.exports().function("payload").call(Value.exnref(null)));
        assertEquals(RuntimeError.Trap.NULL_EXCEPTION_REFERENCE, e.trap());
    }

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void aTagIsImportedOnlyWithItsType(Tier tier) {
        Imports wrong = Imports.builder().add("m", "e", Tag.of(ValType.I64)).build();
        String wat = "(module (import \"m\" \"e\" (tag (param i32))))";
        assertThrows(LinkError.class, () -> instantiate(wat, tier, wrong));
        Imports notATag = Imports.builder().add("m", "e", new Global(new GlobalType(ValType.I32, false), Value.i32(0))).build();
        assertThrows(LinkError.class, () -> instantiate(wat, tier, notATag));
        Tag ok = Tag.of(ValType.I32);
        Instance inst = instantiate("(module (import \"m\" \"e\" (tag $t (param i32))) (export \"t\" (tag $t)))", tier,
                Imports.builder().add("m", "e", ok).build());
        assertSame(ok, inst.exports().tag("t"), "an imported tag re-exported is the same object");
        assertEquals(ExternKind.TAG, inst.module().exports().get(0).kind());
        assertEquals(new TagType(List.of(ValType.I32)), inst.module().imports().get(0).type());
    }
}
