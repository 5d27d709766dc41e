package dev.gatun.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatun.ValType;
import dev.gatun.Value;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import run.endive.runtime.HostFunction;
import run.endive.runtime.ImportFunction;
import run.endive.runtime.ImportValues;
import run.endive.runtime.Instance;
import run.endive.runtime.Memory;
import run.endive.wasm.Parser;

/**
 * This module's WASI functions hosted by a different engine (Endive's interpreter, a test-only
 * dependency), running the differential fixtures end to end against Node. It checks the WASI layer on
 * its own, independently of Gatun's engine; {@code GatunDifferentialTest} is the same check on Gatun.
 *
 * <p>Endive's memory is not a MemorySegment, so each call works on a copy of the guest memory that is
 * written back afterwards: slow, but exact, and the fixtures are small.
 */
class EndiveHostedTest {
    static List<Fixtures.Case> cases() throws Exception { return Fixtures.cases(); }

    private static run.endive.wasm.types.ValType endive(ValType t) {
        return switch (t) {
            case I32 -> run.endive.wasm.types.ValType.I32;
            case I64 -> run.endive.wasm.types.ValType.I64;
            default -> throw new IllegalArgumentException(t.toString());
        };
    }

    static final Fixtures.Runtime ENDIVE_HOSTED = (run, sandbox, guestDir, stdout) -> {
        try (Wasi wasi = Fixtures.wasiFor(run, sandbox, guestDir, stdout)) {
            List<ImportFunction> fns = new ArrayList<>();
            for (Wasi.Binding b : wasi.bindings()) {
                List<ValType> params = b.type().params();
                fns.add(new HostFunction(Wasi.MODULE, b.name(),
                        params.stream().map(EndiveHostedTest::endive).toList(),
                        b.type().results().stream().map(EndiveHostedTest::endive).toList(),
                        (instance, args) -> {
                            Memory mem = instance.memory();
                            byte[] copy = mem.readBytes(0, Memory.bytes(mem.pages()));
                            MemorySegment seg = MemorySegment.ofArray(copy);
                            wasi.bindMemory(() -> seg);
                            Value[] vs = new Value[args.length];
                            for (int i = 0; i < args.length; i++) {
                                vs[i] = params.get(i) == ValType.I64 ? Value.i64(args[i]) : Value.i32((int) args[i]);
                            }
                            try {
                                Value[] r = b.function().call(vs);
                                return r.length == 0 ? null : new long[] {((Value.I32) r[0]).value()};
                            } finally {
                                mem.write(0, copy);
                            }
                        }));
            }
            Instance instance = Instance.builder(Parser.parse(Files.readAllBytes(run.wasm())))
                    .withImportValues(ImportValues.builder().withFunctions(fns).build())
                    .withStart(false).build();
            try {
                instance.export("_start").apply();
                return 0;
            } catch (RuntimeException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof WasiExit exit) return exit.exitCode();
                }
                throw e;
            }
        }
    };

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void wasiOnEndiveMatchesNode(Fixtures.Case c, @TempDir Path work) throws Exception {
        String hosted = Fixtures.execute(ENDIVE_HOSTED, c, Files.createDirectories(work.resolve("endive"))).render();
        String node = Fixtures.execute(Fixtures.NODE, c, Files.createDirectories(work.resolve("node"))).render();
        assertEquals(node, hosted, "WASI on Endive and Node differ on " + c.name());
    }
}
