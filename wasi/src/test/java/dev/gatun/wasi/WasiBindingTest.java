package dev.gatun.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.LinkError;
import dev.gatun.Memory;
import dev.gatun.MemoryType;
import dev.gatun.Module;
import dev.gatun.RuntimeError;
import dev.gatun.Tier;
import dev.gatun.Value;
import dev.gatun.WebAssembly;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Binding a Wasi to guest memory: without _initialize, to a memory the embedder names, and calls before it. */
class WasiBindingTest {
    static Module module(String name, Tier tier) throws Exception {
        return WebAssembly.compile(Files.readAllBytes(Path.of("src/test/resources/wat/" + name + ".wasm")), tier);
    }

    static int i32(Value[] r) { return ((Value.I32) r[0]).value(); }

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void callBeforeBindingIsAClearTrapAndBindDoesNotRunInitialize(Tier tier) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Wasi wasi = Wasi.builder().stdout(out).build()) {
            Instance instance = WebAssembly.instantiate(module("reactor", tier), wasi.imports());
            // greet calls fd_write: before any binding that is the embedder's error, said as such (not EIO).
            RuntimeError e = assertThrows(RuntimeError.class, () -> instance.exports().function("greet").call());
            assertEquals(RuntimeError.Trap.HOST, e.trap());
            assertTrue(e.getMessage().contains("wasi_snapshot_preview1.fd_write"), e.getMessage());
            assertTrue(e.getMessage().contains("Wasi.bind"), e.getMessage());
            assertEquals("", out.toString());

            wasi.bind(instance);
            assertEquals(0, i32(instance.exports().function("initialized").call()), "bind runs no _initialize");
            assertEquals(0, i32(instance.exports().function("greet").call()));
            assertEquals("hi\n", out.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void bindsToAMemoryTheEmbedderNames(Tier tier) throws Exception {
        Module m = module("namedmem", tier);
        for (int variant = 0; variant < 3; variant++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Wasi wasi = Wasi.builder().args("a", "bc").stdout(out).build(); Memory memory = new Memory(MemoryType.of(1))) {
                Imports.Builder b = Imports.builder().add("env", "memory", memory);
                wasi.addTo(b);
                Instance instance = WebAssembly.instantiate(m, b.build());
                switch (variant) {
                    case 0 -> {
                        // No export named "memory": start cannot guess, and says so.
                        LinkError e = assertThrows(LinkError.class, () -> wasi.start(instance));
                        assertTrue(e.getMessage().contains("memory"), e.getMessage());
                        continue;
                    }
                    case 1 -> wasi.bind(memory);             // the embedder's own memory object
                    default -> wasi.bind(instance, "mem");   // the instance's export of another name
                }
                assertEquals(0, i32(instance.exports().function("peek").call()));
                assertEquals(2, memory.readInt(32), "argc written into the bound memory");
                assertEquals(5, memory.readInt(36), "argv bytes: \"a\\0bc\\0\"");
                assertEquals(0, wasi.start(instance), "start uses the bound memory");
                assertEquals("hi\n", out.toString());
            }
        }
        try (Wasi wasi = Wasi.builder().build()) {
            Instance instance = WebAssembly.instantiate(module("reactor", tier), wasi.imports());
            assertThrows(LinkError.class, () -> wasi.bind(instance, "nope"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void aWasiRunsOneProgramOnce(Tier tier) throws Exception {
        try (Wasi wasi = Wasi.builder().build()) {
            Instance instance = WebAssembly.instantiate(module("exit5", tier), wasi.imports());
            assertEquals(5, wasi.start(instance));
            IllegalStateException again = assertThrows(IllegalStateException.class, () -> wasi.start(instance));
            assertTrue(again.getMessage().contains("already ran start"), again.getMessage());
            // Nor on another instance of the same module: the Wasi's descriptors and streams are spent.
            Instance other = WebAssembly.instantiate(module("exit5", tier), wasi.imports());
            assertThrows(IllegalStateException.class, () -> wasi.start(other));
            assertThrows(IllegalStateException.class, () -> wasi.initialize(other));
        }
        try (Wasi wasi = Wasi.builder().stdout(new ByteArrayOutputStream()).build()) {
            Instance instance = WebAssembly.instantiate(module("reactor", tier), wasi.imports());
            wasi.initialize(instance);
            assertInstanceOf(IllegalStateException.class, assertThrows(RuntimeException.class, () -> wasi.initialize(instance)));
        }
    }
}
