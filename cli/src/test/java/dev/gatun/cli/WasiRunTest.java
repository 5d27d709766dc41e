package dev.gatun.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatun run} on WASI command modules (the wasi module's fixtures and the grayscale example). */
class WasiRunTest {
    static final Path FIXTURES = Path.of("../wasi/src/test/resources/wasi");
    static final Path GRAYSCALE = Path.of("../examples/grayscale");

    @Test
    void exitStatusIsTheProgramsOwn() {
        assertEquals(42, MainTest.gatun("run", FIXTURES.resolve("trap.wasm").toString(), "42").exit());
        assertEquals(0, MainTest.gatun("run", FIXTURES.resolve("trap.wasm").toString(), "0").exit());
    }

    @Test
    void trapPrintsTheWasmStackAndExits134() {
        MainTest.Result r = MainTest.gatun("run", FIXTURES.resolve("trap.wasm").toString());
        assertEquals(134, r.exit());
        assertTrue(r.err().startsWith("gatun: trap: unreachable"), r.err());
        assertTrue(r.err().contains("(wasm-function["), "the Wasm stack: " + r.err());
    }

    @Test
    void argumentsAfterTheModuleBelongToTheProgram() {
        // cat gets "--help" as a file name (and fails to open it) instead of gatun printing its help.
        MainTest.Result r = MainTest.gatun("run", FIXTURES.resolve("cat.wasm").toString(), "--help");
        assertEquals(1, r.exit());
        assertEquals("", r.err());
    }

    @Test
    void grayscaleExampleWritesItsPicture(@TempDir Path tmp) throws Exception {
        Files.copy(GRAYSCALE.resolve("picture.ppm"), tmp.resolve("in.ppm"));
        MainTest.Result r = MainTest.gatun("run", "--dir", tmp + "::/pics", "--env", "UNUSED=1", "--",
                GRAYSCALE.resolve("grayscale.wasm").toString(), "/pics/in.ppm", "/pics/out.pgm", "3");
        assertEquals(0, r.exit(), r.err());
        byte[] pgm = Files.readAllBytes(tmp.resolve("out.pgm"));
        byte[] header = "P5\n160 120\n255\n".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(header, Arrays.copyOf(pgm, header.length));
        assertEquals(header.length + 160 * 120, pgm.length);
    }

    @Test
    void sandboxHoldsFromTheCommandLine(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("box"));
        Files.writeString(tmp.resolve("secret"), "s");
        // The guest cannot name the file outside its --dir: cat fails to open it (exit 1).
        assertEquals(1, MainTest.gatun("run", "--dir", tmp.resolve("box") + "::.",
                FIXTURES.resolve("cat.wasm").toString(), "../secret").exit());
    }

    @Test
    void badDirIsAUsageError(@TempDir Path tmp) {
        MainTest.Result r = MainTest.gatun("run", "--dir", tmp.resolve("absent").toString(), FIXTURES.resolve("cat.wasm").toString());
        assertEquals(Cli.EXIT_USAGE, r.exit());
        assertTrue(r.err().contains("no such directory"), r.err());
    }
}
