package dev.gatun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatun.testing.PublicApiScan;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** No internal type (the memory module, the stage packages) can be reached from a public signature of the API. */
class PublicApiTest {
    private static final Set<String> API = Set.of("dev.gatun");

    @Test
    void publicSignaturesNameOnlyJavaAndApiTypes() throws Exception {
        List<Class<?>> classes = PublicApiScan.publicClasses(WebAssembly.class, "dev.gatun");
        assertTrue(classes.contains(Memory.class) && classes.contains(RuntimeError.Frame.class), classes.toString());
        Set<String> found = new TreeSet<>();
        for (Class<?> c : classes) found.addAll(PublicApiScan.violations(c, API));
        assertEquals(Set.of(), found);
    }

    /** Shapes the scan must catch (so it can fail). */
    public static final class Leaky extends java.util.ArrayList<dev.gatun.memory.LinearMemory> {
        public dev.gatun.memory.LinearMemory field;
        public Leaky() {}
        public Leaky(dev.gatun.runtime.TrapKind kind) {}
        public java.util.Optional<? extends dev.gatun.model.ValType> type() { return java.util.Optional.empty(); }
        public void read() throws dev.gatun.memory.NativeMemoryException {}
        void packagePrivateIsFine(dev.gatun.memory.LinearMemory m) {}
    }

    @Test
    void theScanFindsEachKindOfLeak() {
        Set<String> v = PublicApiScan.violations(Leaky.class, API);
        assertEquals(5, v.size(), v.toString());
        assertTrue(v.stream().anyMatch(s -> s.contains(" extends") && s.endsWith("LinearMemory")), v.toString());
        assertTrue(v.stream().anyMatch(s -> s.contains("type()") && s.endsWith("model.ValType")), v.toString());
        assertTrue(v.stream().anyMatch(s -> s.contains("throws") && s.endsWith("NativeMemoryException")), v.toString());
    }
}
