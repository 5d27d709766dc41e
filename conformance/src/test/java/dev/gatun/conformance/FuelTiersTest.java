package dev.gatun.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatun.CompileError;
import dev.gatun.ExportDescriptor;
import dev.gatun.FunctionType;
import dev.gatun.Global;
import dev.gatun.GlobalType;
import dev.gatun.ImportDescriptor;
import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.InstanceLimits;
import dev.gatun.LinkError;
import dev.gatun.Memory;
import dev.gatun.MemoryType;
import dev.gatun.Module;
import dev.gatun.RuntimeError;
import dev.gatun.Table;
import dev.gatun.TableType;
import dev.gatun.Tier;
import dev.gatun.ValType;
import dev.gatun.Value;
import dev.gatun.WebAssembly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Fuel is deterministic across tiers: every module of the spec suite's json directory that compiles is run
 * metered in the interpreter and in the compiler, each exported function called with zero arguments and a
 * fixed budget, and the fuel each call consumed (and its outcome) must be the same. Loops that never end
 * are stopped by the fuel itself (about 1,700 modules and 5,000 calls, 10 s).
 * A call that exhausts the stack ends the comparison of its module: where the JVM stack runs out in the
 * compiler is not where the call-depth limit is (a legitimate divergence, as in wasmtime's fuzzing).
 */
class FuelTiersTest {
    private static final long BUDGET = 200_000;

    @Test
    void bothTiersConsumeTheSameFuelOnTheSpecSuitesModules() throws IOException {
        Path dir = SpecSuiteTest.specDir();
        Assumptions.assumeTrue(Files.isDirectory(dir), "spec suite not found at " + dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
        int modules = 0, calls = 0, outOfFuel = 0;
        long fuel = 0;
        for (int i = 0; i < files.size(); i++) {
            byte[] bytes = Files.readAllBytes(files.get(i));
            List<String> a = run(bytes, Tier.INTERPRETER), b = run(bytes, Tier.COMPILER);
            if (a == null) continue;
            modules++;
            int n = Math.min(a.size(), b.size());
            if (a.size() != b.size()) n--;   // one side stopped at a stack exhaustion: compare up to it
            assertEquals(a.subList(0, n), b.subList(0, n), files.get(i).getFileName().toString());
            for (String line : a.subList(0, n)) {
                calls++;
                if (line.contains("OUT_OF_FUEL")) outOfFuel++;
                fuel += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        System.out.printf("fuel across tiers: %d modules, %d calls (%d out of fuel), %d fuel consumed in each tier%n",
                modules, calls, outOfFuel, fuel);
        assertTrue(modules > 1000 && calls > 3000 && outOfFuel > 0, modules + " modules, " + calls + " calls");
    }

    /** One line per export call: name, outcome, fuel consumed; null when the module does not compile or link. */
    private static List<String> run(byte[] bytes, Tier tier) {
        Module module;
        try {
            module = WebAssembly.compile(bytes, tier).withFuelMetering();
        } catch (CompileError e) {
            return null;
        }
        Instance in;
        try {
            in = WebAssembly.instantiate(module, imports(module), InstanceLimits.NONE.withFuel(BUDGET));
        } catch (LinkError | RuntimeError e) {
            return null;
        }
        List<String> out = new ArrayList<>();
        try (in) {
            for (ExportDescriptor e : module.exports()) {
                if (!(e.type() instanceof FunctionType ft)) continue;
                Value[] args = ft.params().stream().map(FuelTiersTest::zero).toArray(Value[]::new);
                in.setFuel(BUDGET);
                long before = in.fuelConsumed();
                String outcome;
                try {
                    in.exports().function(e.name()).call(args);
                    outcome = "ok";
                } catch (RuntimeError t) {
                    if (t.trap() == RuntimeError.Trap.CALL_STACK_EXHAUSTED) break;
                    outcome = t.trap().name();
                }
                out.add(e.name() + " " + outcome + " " + (in.fuelConsumed() - before));
            }
        }
        return out;
    }

    /** Imports with the spec harness's shapes: functions return zeros, the rest are fresh objects. */
    private static Imports imports(Module m) {
        Imports.Builder b = Imports.builder();
        for (ImportDescriptor d : m.imports()) {
            switch (d.type()) {
                case FunctionType ft -> b.function(d.module(), d.name(), ft,
                        args -> ft.results().stream().map(FuelTiersTest::zero).toArray(Value[]::new));
                case MemoryType mt -> b.add(d.module(), d.name(), new Memory(mt));
                case TableType tt -> b.add(d.module(), d.name(), new Table(tt, null));
                case GlobalType gt -> b.add(d.module(), d.name(), new Global(gt, zero(gt.valType())));
                default -> throw new IllegalStateException("unexpected import " + d);
            }
        }
        return b.build();
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
            case EXNREF -> throw new IllegalArgumentException("the fuel modules have no exnref parameters");
        };
    }
}
