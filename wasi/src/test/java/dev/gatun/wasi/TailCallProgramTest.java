package dev.gatun.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatun.Instance;
import dev.gatun.Module;
import dev.gatun.Tier;
import dev.gatun.Wat;
import dev.gatun.WebAssembly;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real tail-call program: examples/tailcall/vm.c, a bytecode interpreter whose handlers dispatch by
 * [[clang::musttail]] (clang -mtail-call: return_call_indirect), millions of tail calls deep. Its output
 * must equal the native build's (expected.txt, written by build.sh) in every tier.
 */
class TailCallProgramTest {
    static final Path DIR = Path.of("../examples/tailcall").toAbsolutePath().normalize();

    @ParameterizedTest
    @EnumSource(Tier.class)
    void bytecodeInterpreterMatchesTheNativeBuild(Tier tier) throws Exception {
        byte[] wasm = Files.readAllBytes(DIR.resolve("vm.wasm"));
        assertTrue(Wat.print(wasm).contains("return_call_indirect"), "built with tail calls");
        assertEquals(Files.readString(DIR.resolve("expected.txt")), run(wasm, tier));
    }

    /**
     * TIERED publishes compiled code from its background thread at any moment of the run; a handler's tail call
     * racing with it once ended the whole run early, printing nothing (about one run in twelve); twelve runs,
     * each with the publish landing wherever the background compile finishes.
     */
    @Test
    void tieredRunsAgreeWhereverThePublishLands() throws Exception {
        byte[] wasm = Files.readAllBytes(DIR.resolve("vm.wasm"));
        String expected = Files.readString(DIR.resolve("expected.txt"));
        for (int i = 0; i < 12; i++) assertEquals(expected, run(wasm, Tier.TIERED), "run " + i);
    }

    private static String run(byte[] wasm, Tier tier) throws Exception {
        Module module = WebAssembly.compile(wasm, tier);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Wasi wasi = Wasi.builder().args("vm", "10").stdout(out).stderr(OutputStream.nullOutputStream()).build()) {
            Instance instance = WebAssembly.instantiate(module, wasi.imports());
            assertEquals(0, wasi.start(instance));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
