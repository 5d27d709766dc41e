package dev.gatun.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatun.Module;
import dev.gatun.Tier;
import dev.gatun.WebAssembly;
import dev.gatun.Wat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A C++ program that throws and catches (clang -fwasm-exceptions: the legacy try/catch/delegate/rethrow
 * instructions) prints in each tier exactly what its native build printed (see src/test/cpp/build.sh).
 */
class CppExceptionsTest {
    static final Path WASM = Fixtures.RESOURCES.resolve("exceptions.wasm");
    static final Path EXPECTED = Fixtures.RESOURCES.resolve("reference/exceptions-native.txt");

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void printsWhatTheNativeBuildPrints(Tier tier) throws Exception {
        byte[] bytes = Files.readAllBytes(WASM);
        String text = Wat.print(bytes);
        assertTrue(text.contains("delegate") && text.contains("rethrow"), "the fixture exercises the legacy instructions");
        Module m = WebAssembly.compile(bytes, tier);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Wasi wasi = Wasi.builder().args("exceptions").stdout(out).build()) {
            assertEquals(0, wasi.start(WebAssembly.instantiate(m, wasi.imports())));
        }
        assertEquals(Files.readString(EXPECTED), out.toString(StandardCharsets.UTF_8));
    }
}
