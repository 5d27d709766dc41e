package dev.gatun.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatun.Instance;
import dev.gatun.Module;
import dev.gatun.WebAssembly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixtures under Gatun and under Node's node:wasi, same inputs: exit statuses, stdout and every file
 * left in the sandbox must match byte for byte (and match the committed Node reference).
 */
class GatunDifferentialTest {
    static List<Fixtures.Case> cases() throws Exception { return Fixtures.cases(); }

    static final Fixtures.Runtime GATUN = (run, sandbox, guestDir, stdout) -> {
        Module module = WebAssembly.compile(Files.readAllBytes(run.wasm()));
        try (Wasi wasi = Fixtures.wasiFor(run, sandbox, guestDir, stdout)) {
            Instance instance = WebAssembly.instantiate(module, wasi.imports());
            try {
                return wasi.start(instance);
            } finally {
                instance.close();
            }
        }
    };

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gatunMatchesNode(Fixtures.Case c, @TempDir Path work) throws Exception {
        String gatun = Fixtures.execute(GATUN, c, Files.createDirectories(work.resolve("gatun"))).render();
        String node = Fixtures.execute(Fixtures.NODE, c, Files.createDirectories(work.resolve("node"))).render();
        assertEquals(node, gatun, "Gatun and Node differ on " + c.name());
        assertEquals(Fixtures.readReference(c.name()), gatun);
    }
}
