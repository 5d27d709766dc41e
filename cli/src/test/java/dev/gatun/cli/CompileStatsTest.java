package dev.gatun.cli;

import dev.gatun.Wat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.gatun.cli.MainTest.EXAMPLE;
import static dev.gatun.cli.MainTest.gatun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gatun run --stats and --strict-compile. */
class CompileStatsTest {
    /** Function 1 is too big for a JVM method (over 64 KiB of code); function 0 is small. */
    static Path bigModule(Path dir) throws Exception {
        StringBuilder wat = new StringBuilder("(module (func (export \"small\") (result i32) i32.const 5)\n"
                + "(func (export \"big\") (param i32) (result i32) i32.const 0\n");
        for (int k = 0; k < 30_000; k++) wat.append("local.get 0 i32.const ").append(k + 1000).append(" i32.mul i32.add\n");
        return Files.write(dir.resolve("big.wasm"), Wat.parse(wat.append("))").toString()));
    }

    @Test
    void statsNameTheFunctionLeftToTheInterpreter(@TempDir Path dir) throws Exception {
        MainTest.Result r = gatun("run", "--tier", "compiler", "--stats", "--invoke", "small", bigModule(dir).toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("5", r.out().strip());
        assertTrue(r.err().contains("gatun: tier 2: compiled 1 of 2 functions, 1 left to the interpreter; largest method "), r.err());
        assertTrue(r.err().contains("gatun: tier 2: function 1 interpreted: its method of "), r.err());
    }

    @Test
    void statsOfTheInterpreterSayNothingWasCompiled() {
        MainTest.Result r = gatun("run", "--tier", "interpreter", "--stats", "--invoke", "gcd", EXAMPLE.toString(), "48", "18");
        assertEquals(0, r.exit(), r.err());
        assertEquals("gatun: tier 2: nothing compiled (tier interpreter)", r.err().lines().findFirst().orElseThrow());
    }

    @Test
    void statsTimeTheStartUp() {
        MainTest.Result r = gatun("run", "--tier", "compiler", "--stats", "--invoke", "gcd", EXAMPLE.toString(), "48", "18");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.matches(
                "gatun: start-up (\\d+\\.\\d{3} s: \\d+\\.\\d{3} s JVM and command line, |: )"
                + "\\d+\\.\\d{3} s compile \\(decode, validate\\), \\d+\\.\\d{3} s instantiate")), r.err());
    }

    @Test
    void strictCompileRefusesTheModule(@TempDir Path dir) throws Exception {
        MainTest.Result r = gatun("run", "--tier", "compiler", "--strict-compile", "--invoke", "small", bigModule(dir).toString());
        assertEquals(Cli.EXIT_FAILED, r.exit());
        assertTrue(r.err().contains("uncompilable: function 1 cannot be compiled: its method of "), r.err());
        assertEquals(0, gatun("run", "--tier", "compiler", "--strict-compile", "--invoke", "gcd", EXAMPLE.toString(), "48", "18").exit());
    }
}
