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
        Module module = WebAssembly.compile(wasm, tier);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Wasi wasi = Wasi.builder().args("vm", "10").stdout(out).stderr(OutputStream.nullOutputStream()).build()) {
            Instance instance = WebAssembly.instantiate(module, wasi.imports());
            assertEquals(0, wasi.start(instance));
        }
        assertEquals(Files.readString(DIR.resolve("expected.txt")), out.toString(StandardCharsets.UTF_8));
    }
}
