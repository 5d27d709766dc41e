package dev.gatun;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * examples/memory64/bigmem.wasm, a C program built for wasm64 (clang-19, freestanding), against the output
 * of a native build of the same source (expected-MIB.txt, written by build.sh). The CI run grows the
 * memory by 64 MiB; {@code -Dgatun.memory64.big=true} runs the 5 GiB one, whose addresses pass 4 GiB. It
 * writes one record per 64 KiB block, but with transparent huge pages (the memory asks for them) the kernel
 * backs and zeroes all 5 GiB: too heavy for every build (about 90 s per tier on a loaded 2-core machine).
 */
class Memory64ProgramTest {
    /** Surefire runs in engine/; the example sits in the repository's examples/. */
    static final Path DIR = Path.of("../examples/memory64");

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void smallRunMatchesTheNativeBuild(Tier tier) throws IOException {
        run(tier, 64);
    }

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void memoryAbove4GiBMatchesTheNativeBuild(Tier tier) throws IOException {
        assumeTrue(Boolean.getBoolean("gatun.memory64.big"), "set -Dgatun.memory64.big=true for the 5 GiB run");
        Memory m = run(tier, 5120);
        assertTrue(m.byteSize() > 5L << 30, "memory is " + m.byteSize() + " bytes");
    }

    private static Memory run(Tier tier, int mib) throws IOException {
        Module module = WebAssembly.compile(Files.readAllBytes(DIR.resolve("bigmem.wasm")), tier);
        assertTrue(((MemoryType) module.exports().stream().filter(e -> e.name().equals("memory")).findFirst()
                .orElseThrow().type()).address64(), "bigmem.wasm must use a 64-bit memory");
        List<String> out = new ArrayList<>();
        Imports imports = Imports.builder().function("env", "emit", FunctionType.of(List.of(ValType.I64), List.of()), args -> {
            out.add(Long.toUnsignedString(((Value.I64) args[0]).value()));
            return new Value[0];
        }).build();
        Instance instance = WebAssembly.instantiate(module, imports);
        instance.exports().function("run").call(Value.i64(mib));
        assertEquals(Files.readAllLines(DIR.resolve("expected-" + mib + ".txt")), out, tier + ", " + mib + " MiB");
        return instance.exports().memory("memory");
    }
}
