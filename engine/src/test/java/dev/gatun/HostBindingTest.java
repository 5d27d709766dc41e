package dev.gatun;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/** Host functions that see their caller, and plain Java objects bound as import modules. */
class HostBindingTest {
    /** Writes "hello, wasm" at 16 and calls env.log(16, 11); sum(a, b) calls env.add. */
    static final String WAT = """
            (module
              (import "env" "log" (func $log (param i32 i32)))
              (import "env" "add" (func $add (param i32 i32) (result i32)))
              (import "env" "scale" (func $scale (param f64 i64) (result f64)))
              (import "env" "is_even" (func $even (param i32) (result i32)))
              (import "env" "sum_bytes" (func $sumb (param i32 i32) (result i64)))
              (memory (export "memory") 1)
              (data (i32.const 16) "hello, wasm")
              (func (export "greet") (call $log (i32.const 16) (i32.const 11)))
              (func (export "sum") (param i32 i32) (result i32) (call $add (local.get 0) (local.get 1)))
              (func (export "scale") (param f64 i64) (result f64) (call $scale (local.get 0) (local.get 1)))
              (func (export "even") (param i32) (result i32) (call $even (local.get 0)))
              (func (export "sumb") (result i64) (call $sumb (i32.const 16) (i32.const 5))))
            """;

    /** A plain host object: public methods, Java types only. */
    public static class Env {
        final List<String> logged = new ArrayList<>();

        public void log(String s) { logged.add(s); }

        public int add(int a, int b) { return a + b; }

        public double scale(double x, long k) { return x * k; }

        @Imports.Name("is_even")
        public boolean even(int x) { return x % 2 == 0; }

        @Imports.Name("sum_bytes")
        public long sum(MemorySegment bytes) {
            long s = 0;
            for (long i = 0; i < bytes.byteSize(); i++) s += bytes.get(ValueLayout.JAVA_BYTE, i);
            return s;
        }
    }

    @Test
    void aPlainObjectBindsAsAnImportModule() {
        Env env = new Env();
        try (var r = WebAssembly.instantiate(Wat.parse(WAT), Imports.builder().bind("env", env).build())) {
            Exports e = r.exports();
            e.function("greet").call();
            assertEquals(List.of("hello, wasm"), env.logged);
            assertEquals(42, e.function("sum").typed(IntBinaryOperator.class).applyAsInt(40, 2));
            assertEquals(Value.f64(7.5), e.function("scale").call(Value.f64(2.5), Value.i64(3))[0]);
            assertEquals(Value.i32(1), e.function("even").call(Value.i32(4))[0]);
            assertEquals(Value.i32(0), e.function("even").call(Value.i32(3))[0]);
            assertEquals(Value.i64('h' + 'e' + 'l' + 'l' + 'o'), e.function("sumb").call()[0]);
        }
    }

    @Test
    void aBoundModuleHasTheTypesOfTheJavaSignatures() {
        Imports im = Imports.builder().bind("env", new Env()).build();
        assertEquals(FunctionType.of(List.of(ValType.I32, ValType.I32), List.of()), im.get("env", "log").type());
        assertEquals(FunctionType.of(List.of(ValType.F64, ValType.I64), List.of(ValType.F64)), im.get("env", "scale").type());
        assertEquals(FunctionType.of(List.of(ValType.I32), List.of(ValType.I32)), im.get("env", "is_even").type());
        assertNull(im.get("env", "even"));
    }

    @Test
    void aHostFunctionSeesTheMemoryOfTheInstanceThatCalledIt() {
        FunctionType logType = FunctionType.of(List.of(ValType.I32, ValType.I32), List.of());
        List<String> seen = new ArrayList<>();
        Imports im = Imports.builder()
                .function("env", "log", logType, (caller, args) -> {
                    int ptr = ((Value.I32) args[0]).value(), len = ((Value.I32) args[1]).value();
                    seen.add(caller.memory().readUtf8(ptr, len) + " " + caller.exports().names().contains("memory"));
                    return null;
                })
                .bind("env", new Object() {
                    public int add(int a, int b) { return a - b; }
                    public double scale(double x, long k) { return 0; }
                    @Imports.Name("is_even") public int even(int x) { return 0; }
                    @Imports.Name("sum_bytes") public long sum(int p, int n) { return 0; }
                }, MethodHandles.lookup())
                .build();
        // Two instances of one module, one Imports: each call sees its own instance's memory.
        Module m = WebAssembly.compile(Wat.parse(WAT));
        Instance a = WebAssembly.instantiate(m, im), b = WebAssembly.instantiate(m, im);
        b.exports().memory("memory").write(16, "HELLO".getBytes());
        a.exports().function("greet").call();
        b.exports().function("greet").call();
        assertEquals(List.of("hello, wasm true", "HELLO, wasm true"), seen);
        assertEquals(Value.i32(38), a.exports().function("sum").call(Value.i32(40), Value.i32(2))[0]);
        a.close();
        b.close();
    }

    @Test
    void aCallerFunctionOutsideAnInstanceIsAProgrammingError() {
        Function f = Function.host(FunctionType.of(List.of(), List.of()), (caller, args) -> null);
        assertThrows(IllegalStateException.class, f::call);
    }

    @Test
    void aHostExceptionTrapsWithItAsCause() {
        Imports im = Imports.builder().bind("env", new Env() {
            @Override
            public int add(int a, int b) { throw new ArithmeticException("nope"); }
        }, MethodHandles.lookup()).build();
        var r = WebAssembly.instantiate(Wat.parse(WAT), im);
        RuntimeError e = assertThrows(RuntimeError.class, () -> r.exports().function("sum").call(Value.i32(1), Value.i32(2)));
        assertEquals(RuntimeError.Trap.HOST, e.trap());
        assertInstanceOf(ArithmeticException.class, e.getCause());
    }

    public static final class Bad {
        public String name(int x) { return ""; }
    }

    public static final class Twice {
        public int f(int x) { return x; }
        public int f(long x) { return 0; }
    }

    @Test
    void unmappableHostsAreRejectedWhenBound() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Imports.builder().bind("env", new Bad()));
        assertTrue(e.getMessage().contains("return type java.lang.String"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Imports.builder().bind("env", new Twice()));
        assertTrue(e.getMessage().contains("\"f\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Imports.builder().bind("env", new Object()));
    }

    @Test
    void oneStepInstantiateAndStreaming(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        byte[] wasm = Wat.parse("(module (func (export \"f\") (result i32) (i32.const 7)))");
        var sync = WebAssembly.instantiate(wasm, Imports.empty());
        assertEquals(Value.i32(7), sync.exports().function("f").call()[0]);
        assertEquals(1, sync.module().exports().size());
        var async = WebAssembly.instantiateAsync(wasm, Imports.empty()).get();
        assertEquals(Value.i32(7), async.instance().exports().function("f").call()[0]);
        java.nio.file.Path file = dir.resolve("f.wasm");
        java.nio.file.Files.write(file, wasm);
        assertEquals(Value.i32(7), WebAssembly.instantiateStreaming(file, Imports.empty()).exports().function("f").call()[0]);
        assertEquals(Value.i32(7), WebAssembly.instantiateStreaming(file.toUri(), Imports.empty()).exports().function("f").call()[0]);
        assertEquals(Value.i32(7), WebAssembly.instantiateStreaming(new java.io.ByteArrayInputStream(wasm), Imports.empty())
                .exports().function("f").call()[0]);
        CompileError io = assertThrows(CompileError.class,
                () -> WebAssembly.instantiateStreaming(dir.resolve("missing.wasm"), Imports.empty()));
        assertTrue(io.reason().startsWith("I/O error"), io.reason());
        var failed = WebAssembly.instantiateAsync(new byte[] {1, 2, 3}, Imports.empty());
        var ex = assertThrows(java.util.concurrent.ExecutionException.class, failed::get);
        assertInstanceOf(CompileError.class, ex.getCause());
        assertThrows(IllegalArgumentException.class,
                () -> WebAssembly.instantiateStreaming(java.net.URI.create("relative.wasm"), Imports.empty()));
    }
}
