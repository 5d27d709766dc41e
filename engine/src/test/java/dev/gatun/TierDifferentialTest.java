package dev.gatun;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Differential test of the two execution tiers on random modules (binaryen's translate-to-fuzz, a
 * committed corpus rebuilt by {@code src/test/fuzz/generate.sh}): every export is called in order with
 * fixed arguments in the interpreter and in the compiler tier, and the results, traps, host-import
 * calls and final memory must agree. {@code -Dgatun.fuzzDir=DIR} runs another corpus.
 */
class TierDifferentialTest {

    @TestFactory
    Stream<DynamicTest> tiersAgree() throws IOException {
        List<Path> files = corpus();
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> want = trace(bytes, Tier.INTERPRETER);
            List<String> got = trace(bytes, Tier.COMPILER);
            assertEquals(String.join("\n", want), String.join("\n", got));
        }));
    }

    /**
     * The same corpus in TIERED with strict compilation (compiled up front, so every function compiles and
     * the code is published as soon as the module is hot, on the calling thread) and on-stack replacement
     * tried at random back-edges: calls that move into compiled code mid-loop must give the same trace.
     */
    @TestFactory
    Stream<DynamicTest> onStackReplacementAgrees() throws IOException {
        List<Path> files = corpus();
        long before = dev.gatun.interpreter.Osr.entries();
        Stream<DynamicTest> modules = files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            byte[] bytes = Files.readAllBytes(p);
            List<String> want = trace(bytes, new CompileOptions(Tier.INTERPRETER, false));
            dev.gatun.interpreter.Osr.stress(8);
            try {
                List<String> got = trace(bytes, new CompileOptions(Tier.TIERED, true));
                assertEquals(String.join("\n", want), String.join("\n", got));
            } finally {
                dev.gatun.interpreter.Osr.stress(0);
            }
        }));
        // The corpus has loops that run long enough: some calls must have moved, or this proves nothing.
        return Stream.concat(modules, Stream.of(DynamicTest.dynamicTest("some calls moved into compiled code",
                () -> assertTrue(dev.gatun.interpreter.Osr.entries() > before, "no on-stack replacement happened"))));
    }

    /**
     * The corpus in TIERED compiled by hot functions (every module counted as big), on-stack replacement
     * tried at random back-edges: functions move into compiled code one batch at a time on the compiler
     * thread while the exports run, calls cross between tiers both ways, and the trace must not change.
     */
    @TestFactory
    Stream<DynamicTest> hotFunctionBatchesAgree() throws IOException {
        List<Path> files = corpus();
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            byte[] bytes = Files.readAllBytes(p);
            List<String> want = trace(bytes, new CompileOptions(Tier.INTERPRETER, false));
            String saved = System.getProperty("gatun.tiered.wholeModuleBytes");
            System.setProperty("gatun.tiered.wholeModuleBytes", "0");
            dev.gatun.interpreter.Osr.stress(8);
            try {
                // Twice: the second run meets what the first one's batches compiled.
                Module module = WebAssembly.compile(bytes, new CompileOptions(Tier.TIERED, false));
                for (int round = 0; round < 2; round++) assertEquals(String.join("\n", want), String.join("\n", trace(module)));
            } finally {
                dev.gatun.interpreter.Osr.stress(0);
                if (saved == null) System.clearProperty("gatun.tiered.wholeModuleBytes");
                else System.setProperty("gatun.tiered.wholeModuleBytes", saved);
            }
        }));
    }

    /** The modules of the corpus ({@code -Dgatun.fuzzDir}, else the committed one), in name order. */
    private static List<Path> corpus() throws IOException {
        String dir = System.getProperty("gatun.fuzzDir");
        Path root = dir != null ? Path.of(dir) : Path.of(TierDifferentialTest.class.getResource("/fuzz").getPath());
        List<Path> files;
        try (Stream<Path> s = Files.list(root)) {
            files = s.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no fuzz modules in " + root);
        return files;
    }

    /** Everything observable from running the module once: one line per event. */
    static List<String> trace(byte[] bytes, Tier tier) {
        return trace(bytes, CompileOptions.defaults().withTier(tier));
    }

    static List<String> trace(byte[] bytes, CompileOptions options) {
        return trace(WebAssembly.compile(bytes, options));
    }

    static List<String> trace(Module module) {
        List<String> out = new ArrayList<>();
        Imports.Builder imports = Imports.builder();
        for (ImportDescriptor d : module.imports()) {
            if (!(d.type() instanceof FunctionType ft)) throw new IllegalStateException("unexpected import " + d);
            imports.function(d.module(), d.name(), ft, args -> {
                out.add("  host " + d.name() + show(args));
                Value[] r = new Value[ft.results().size()];
                for (int i = 0; i < r.length; i++) r[i] = zero(ft.results().get(i));
                return r;
            });
        }
        Instance instance;
        try {
            instance = WebAssembly.instantiate(module, imports.build());
        } catch (RuntimeError e) {
            out.add("instantiate trap " + e.trap());
            return out;
        }
        try (instance) {
            Exports exports = instance.exports();
            for (ExportDescriptor e : module.exports()) {
                if (!(e.type() instanceof FunctionType ft) || e.name().equals("hangLimitInitializer")) continue;
                // binaryen's fuzz modules bound every loop and recursion by a global budget reset here.
                if (exports.has("hangLimitInitializer")) exports.function("hangLimitInitializer").call();
                Value[] args = new Value[ft.params().size()];
                for (int i = 0; i < args.length; i++) args[i] = arg(ft.params().get(i), i);
                try {
                    out.add(e.name() + " -> " + show(exports.function(e.name()).call(args)));
                } catch (RuntimeError t) {
                    out.add(e.name() + " trap " + t.trap());
                }
            }
            for (String name : exports.names()) {
                if (exports.get(name) instanceof Memory m) out.add("memory " + name + " " + java.util.Arrays.hashCode(m.segment().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE)));
                if (exports.get(name) instanceof Global g) out.add("global " + name + " " + show(g.get()));
            }
        }
        return out;
    }

    private static Value arg(ValType t, int i) {
        return switch (t) {
            case I32 -> Value.i32(i * 7 - 3);
            case I64 -> Value.i64(-1L << (i + 20));
            case F32 -> Value.f32(1.5f * i - 0.25f);
            case F64 -> Value.f64(-2.5 * i + 1e-3);
            default -> zero(t);
        };
    }

    private static Value zero(ValType t) {
        return switch (t) {
            case I32 -> Value.i32(0);
            case I64 -> Value.i64(0);
            case F32 -> Value.f32(0);
            case F64 -> Value.f64(0);
            case V128 -> new Value.V128(0, 0);
            case FUNCREF -> new Value.FuncRef(null);
            case EXTERNREF -> new Value.ExternRef(null);
            case ANYREF -> new Value.AnyRef(null);
            case EXNREF -> throw new IllegalArgumentException("generated signatures have no exnref");
        };
    }

    private static String show(Value... vs) {
        StringBuilder b = new StringBuilder("(");
        for (Value v : vs) {
            if (b.length() > 1) b.append(", ");
            b.append(switch (v) {
                // NaN payloads are nondeterministic in Wasm: only their being NaN must agree.
                case Value.F32 f -> Float.isNaN(f.value()) ? "f32 nan" : "f32 " + Integer.toHexString(f.bits());
                case Value.F64 f -> Double.isNaN(f.value()) ? "f64 nan" : "f64 " + Long.toHexString(f.bits());
                case Value.FuncRef f -> f.isNull() ? "funcref null" : "funcref " + f.function().type();
                case Value.ExternRef x -> x.isNull() ? "externref null" : "externref";
                default -> v.toString();
            });
        }
        return b.append(')').toString();
    }
}
