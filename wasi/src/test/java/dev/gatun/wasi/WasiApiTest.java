package dev.gatun.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasiApiTest {
    @Test
    void missingPreopenFailsAtBuild(@TempDir Path tmp) {
        var b = Wasi.builder().preopen(tmp.resolve("absent"), "/x", false);
        assertThrows(UncheckedIOException.class, b::build);
    }

    @Test
    void badEnvironmentNameRejected() {
        assertThrows(IllegalArgumentException.class, () -> Wasi.builder().env("A=B", "c"));
    }

    @Test
    void memoryIsFetchedAfreshOnEveryCall() {
        try (Arena arena = Arena.ofConfined(); Wasi wasi = Wasi.builder().args("p").build()) {
            AtomicReference<MemorySegment> current = new AtomicReference<>(arena.allocate(65536));
            wasi.bindMemory(current::get);
            Wasi.Binding sizes = wasi.bindings().stream().filter(b -> b.name().equals("args_sizes_get")).findFirst().orElseThrow();
            // Out of bounds of the first memory: EFAULT rather than a Java exception.
            assertEquals(Errno.FAULT, ((dev.gatun.Value.I32) sizes.function().call(dev.gatun.Value.i32(70000), dev.gatun.Value.i32(70004))[0]).value());
            // The guest grew its memory: the same addresses are now valid.
            current.set(arena.allocate(2 * 65536));
            assertEquals(0, ((dev.gatun.Value.I32) sizes.function().call(dev.gatun.Value.i32(70000), dev.gatun.Value.i32(70004))[0]).value());
            assertEquals(1, current.get().get(Guest.U32, 70000));
            assertEquals(2, current.get().get(Guest.U32, 70004));
        }
    }
}
