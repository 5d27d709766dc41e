package dev.gatun.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The converter command: conversions through the wasm codecs, and one-line errors with exit codes. */
class MainTest {
    private record Outcome(int code, String out, String err) { }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void convertsPngToQoiAndBackLosslessly(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("in.png"), qoi = dir.resolve("out.qoi"), pam = dir.resolve("back.pam");
        Files.write(png, Fixtures.image("alpha.png"));
        assertEquals(0, run("convert", png.toString(), qoi.toString()).code());
        assertArrayEquals(Fixtures.expected("alpha.png.qoi"), Files.readAllBytes(qoi));
        Outcome o = run("convert", qoi.toString(), pam.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("120x90"), o.out());
        assertArrayEquals(Fixtures.expected("alpha.png.pam"), Files.readAllBytes(pam));
    }

    @Test
    void filtersWhileConverting(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("in.png"), pam = dir.resolve("gray.pam");
        Files.write(png, Fixtures.image("mandelbrot.png"));
        Outcome o = run("convert", png.toString(), pam.toString(), "--filter", "grayscale");
        assertEquals(0, o.code(), o.err());
        assertArrayEquals(Fixtures.expected("mandelbrot.grayscale.pam"), Files.readAllBytes(pam));
    }

    @Test
    void badInputIsOneLineAndAnExitCode(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.png");
        Files.write(junk, "not a png at all".getBytes(StandardCharsets.US_ASCII));
        Outcome bad = run("convert", junk.toString(), dir.resolve("x.qoi").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().startsWith("error: PNG decode failed: "), bad.err());
        assertEquals(1, bad.err().lines().count(), bad.err());
        Outcome missing = run("convert", dir.resolve("nope.png").toString(), dir.resolve("x.qoi").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("error: no such file: "), missing.err());
        Outcome usage = run("convert", junk.toString(), dir.resolve("x.gif").toString());
        assertEquals(2, usage.code());
        assertTrue(usage.err().startsWith("error: no codec for "), usage.err());
        Outcome filter = run("convert", dir.resolve("nope.png").toString(), "out.png", "--quality", "500");
        assertEquals(2, filter.code());
        assertFalse(filter.err().contains("\tat "), filter.err());
    }
}
