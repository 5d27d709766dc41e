package dev.gatun;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Without {@code --add-modules jdk.incubator.vector}: a SIMD module fails to compile with a CompileError
 * naming the flag, a scalar module still runs. Needs a JVM of its own, started without the flag.
 */
class VectorModuleMissingTest {
    /** The child JVM's program: prints what compiling each module gives. */
    public static void main(String[] args) {
        System.out.println("vector api: " + SimdSupport.AVAILABLE);
        var scalar = WebAssembly.instantiate(Wat.parse("(module (func (export \"f\") (result i32) (i32.const 3)))"), Imports.empty());
        System.out.println("scalar: " + scalar.exports().function("f").call()[0]);
        try {
            WebAssembly.compile(Wat.parse("(module (func (export \"g\") (result i32) (i32x4.extract_lane 1 (v128.const i32x4 1 2 3 4))))"));
            System.out.println("simd: compiled");
        } catch (CompileError e) {
            System.out.println("simd: " + e.kind() + ": " + e.reason());
        }
    }

    @Test
    void aSimdModuleNamesTheMissingFlag() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add(VectorModuleMissingTest.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("vector api: false"), out);
        assertTrue(out.contains("scalar: i32 3"), out);
        assertTrue(out.contains("simd: UNSUPPORTED: the module uses SIMD (v128), which needs the Vector API: run the JVM with "
                + "--add-modules jdk.incubator.vector"), out);
        assertFalse(out.contains("Using incubator modules"), out);
    }

    @Test
    void withTheFlagSimdModulesCompile() {
        assertTrue(SimdSupport.AVAILABLE, "the build runs tests with the Vector API");
        assertTrue(SimdSupport.usesV128(dev.gatun.binary.ModuleDecoder.decode(Wat.parse(
                "(module (func (drop (i32x4.extract_lane 0 (v128.const i64x2 0 0)))))"))));
        assertFalse(SimdSupport.usesV128(dev.gatun.binary.ModuleDecoder.decode(Wat.parse(
                "(module (func (result i32) (i32.const 0xFD)))"))));
    }
}
