package dev.gatun.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.LinkError;
import dev.gatun.Module;
import dev.gatun.RuntimeError;
import dev.gatun.Value;
import dev.gatun.WebAssembly;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Wasi on Gatun's engine: start, initialize, proc_exit unwinding, traps, memory growth. */
class WasiEngineTest {
    static Module module(String name) throws Exception {
        return WebAssembly.compile(Files.readAllBytes(Path.of("src/test/resources/wat/" + name + ".wasm")));
    }

    @Test
    void procExitUnwindsToStartWithItsCode() throws Exception {
        try (Wasi wasi = Wasi.builder().build()) {
            assertEquals(5, wasi.start(WebAssembly.instantiate(module("exit5"), wasi.imports())));
        }
    }

    @Test
    void trapPropagatesAsRuntimeErrorWithTheWasmStack() throws Exception {
        try (Wasi wasi = Wasi.builder().args("trap").build()) {
            Module m = WebAssembly.compile(Files.readAllBytes(Fixtures.fixture("trap")));
            Instance instance = WebAssembly.instantiate(m, wasi.imports());
            RuntimeError e = assertThrows(RuntimeError.class, () -> wasi.start(instance));
            assertEquals(RuntimeError.Trap.UNREACHABLE, e.trap());
            assertTrue(e.wasmStack().size() >= 3, e.getMessage());
        }
    }

    @Test
    void reactorInitializeAndMemoryGrowth() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Wasi wasi = Wasi.builder().stdout(out).build()) {
            Imports.Builder b = Imports.builder();
            wasi.addTo(b);
            Instance instance = WebAssembly.instantiate(module("reactor"), b.build());
            wasi.initialize(instance);
            assertEquals("init\n", out.toString());
            assertEquals(1, ((Value.I32) instance.exports().function("initialized").call()[0]).value());
            // greet grows memory and passes addresses in the new page: WASI must see the grown memory
            assertEquals(0, ((Value.I32) instance.exports().function("greet").call()[0]).value());
            assertEquals("init\nhi\n", out.toString());
        }
    }

    @Test
    void aModuleWithoutStartIsALinkError() throws Exception {
        try (Wasi wasi = Wasi.builder().build()) {
            Instance instance = WebAssembly.instantiate(module("nostart"), wasi.imports());
            LinkError e = assertThrows(LinkError.class, () -> wasi.start(instance));
            assertTrue(e.getMessage().contains("_start"), e.getMessage());
            // initialize without _initialize is fine: nothing to run
            wasi.initialize(instance);
        }
    }

    @Test
    void hostExceptionCauseIsProcExit() throws Exception {
        // What start() relies on: the engine reports proc_exit's exception as the trap's cause.
        try (Wasi wasi = Wasi.builder().build()) {
            Instance instance = WebAssembly.instantiate(module("exit5"), wasi.imports());
            RuntimeError e = assertThrows(RuntimeError.class, () -> instance.exports().function("_start").call());
            assertEquals(RuntimeError.Trap.HOST, e.trap());
            assertEquals(5, assertInstanceOf(WasiExit.class, e.getCause()).exitCode());
        }
    }
}
