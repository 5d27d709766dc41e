package dev.gatun.compiler;

import dev.gatun.CompileOptions;
import dev.gatun.Imports;
import dev.gatun.InstanceLimits;
import dev.gatun.Instance;
import dev.gatun.Module;
import dev.gatun.Tier;
import dev.gatun.Value;
import dev.gatun.Wat;
import dev.gatun.WebAssembly;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The class cache: a compile with a class cache directory leaves one entry, the same bytes compiled again
 * load it (and run the same, call_indirect's type check included: the classes hold no process-specific type
 * ids), other compile flags and other bytes have entries of their own, and a damaged or truncated entry, or
 * another module's under this one's name, is a miss that the next compile writes anew.
 */
class ClassCacheTest {
    @TempDir
    Path dir;

    private static final String WAT = """
            (module
              (type $ii (func (param i32) (result i32)))
              (table 2 funcref) (elem (i32.const 0) $sq $neg)
              (func $sq (type $ii) (i32.mul (local.get 0) (local.get 0)))
              (func $neg (type $ii) (i32.sub (i32.const 0) (local.get 0)))
              (func (export "pick") (param i32 i32) (result i32)
                (call_indirect (type $ii) (local.get 1) (local.get 0)))
              (func (export "sum") (param $n i32) (result i32) (local $s i32)
                (loop $l (local.set $s (i32.add (local.get $s) (local.get $n)))
                  (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
                (local.get $s)))""";

    private Module compile(byte[] bytes) {
        return WebAssembly.compile(bytes, new CompileOptions(Tier.COMPILER, false).withClassCache(dir));
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".classes")).sorted().toList();
        }
    }

    private static int run(Module m, String f, int... args) {
        Instance i = WebAssembly.instantiate(m, Imports.builder().build());
        Value[] vs = new Value[args.length];
        for (int k = 0; k < args.length; k++) vs[k] = Value.i32(args[k]);
        return ((Value.I32) i.exports().function(f).call(vs)[0]).value();
    }

    @Test
    void aSecondCompileOfTheSameBytesLoadsTheEntry() throws IOException {
        byte[] bytes = Wat.parse(WAT);
        long hits = ClassCache.HITS.get();
        assertEquals(5050, run(compile(bytes), "sum", 100));
        assertEquals(1, entries().size());
        assertEquals(hits, ClassCache.HITS.get(), "the first compile generates");

        Module again = compile(bytes);
        assertEquals(5050, run(again, "sum", 100));
        assertEquals(49, run(again, "pick", 0, 7));
        assertEquals(-7, run(again, "pick", 1, 7));
        assertEquals(hits + 1, ClassCache.HITS.get(), "the second compile loads");
        assertEquals(1, entries().size());
        assertEquals(4, again.compileReport().orElseThrow().compiled(), "the report comes back with the classes");
    }

    @Test
    void flagsAndBytesArePartOfTheKey() throws IOException {
        byte[] bytes = Wat.parse(WAT);
        run(compile(bytes), "sum", 3);
        WebAssembly.instantiate(compile(bytes).withFuelMetering(), Imports.builder().build(),
                InstanceLimits.NONE.withFuel(1_000));
        run(compile(Wat.parse(WAT.replace("(i32.const 1)", "(i32.const 2)"))), "sum", 4);
        List<Path> e = entries();
        assertEquals(3, e.size());
        assertNotEquals(Files.size(e.get(0)), 0);
    }

    @Test
    void aDamagedEntryIsAMissAndIsWrittenAgain() throws IOException {
        byte[] bytes = Wat.parse(WAT);
        run(compile(bytes), "sum", 1);
        Path entry = entries().getFirst();
        byte[] good = Files.readAllBytes(entry);
        byte[] bad = good.clone();
        bad[good.length - 40] ^= 0x01;   // one bit of the last class: its checksum no longer matches
        Files.write(entry, bad);
        long hits = ClassCache.HITS.get();
        assertEquals(15, run(compile(bytes), "sum", 5));
        assertEquals(hits, ClassCache.HITS.get());
        assertTrue(java.util.Arrays.equals(good, Files.readAllBytes(entries().getFirst())), "the fresh compile stored the entry again");
        Files.write(entry, java.util.Arrays.copyOf(good, good.length / 3));   // truncated
        assertEquals(15, run(compile(bytes), "sum", 5));
        assertEquals(hits, ClassCache.HITS.get());
        assertTrue(java.util.Arrays.equals(good, Files.readAllBytes(entries().getFirst())));
    }

    @Test
    void anEntryOfAnotherModuleUnderThisOnesNameIsIgnored() throws IOException {
        byte[] a = Wat.parse(WAT), b = Wat.parse(WAT.replace("(i32.const 1)", "(i32.const 3)"));
        run(compile(a), "sum", 1);
        Path entryA = entries().getFirst();
        run(compile(b), "sum", 1);
        Path entryB = entries().stream().filter(p -> !p.equals(entryA)).findFirst().orElseThrow();
        // Same shape (functions, classes), other code: b's file now holds a's classes, checksum and all.
        Files.copy(entryA, entryB, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        long hits = ClassCache.HITS.get();
        assertEquals(3 + 0, run(compile(b), "sum", 3), "b counts down by 3: 3, then 0");
        assertEquals(hits, ClassCache.HITS.get(), "a's entry was not taken for b");
    }

    /** Three functions, each in a class of its own (one byte of Wasm per class): "far" calls across two classes. */
    private static final String THREE = """
            (module
              (func $twice (param i32) (result i32) (i32.add (local.get 0) (local.get 0)))
              (func (export "near") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
              (func (export "far") (param i32) (result i32) (i32.add (call $twice (local.get 0)) (i32.const 3))))""";

    private <T> T withClassPerFunction(java.util.function.Supplier<T> body) {
        System.setProperty("gatun.compiler.classBytes", "1");
        try {
            return body.get();
        } finally {
            System.clearProperty("gatun.compiler.classBytes");
        }
    }

    @Test
    void aHitDefinesAClassOnlyWhenACallNeedsIt() {
        byte[] bytes = Wat.parse(THREE);
        assertEquals(7, withClassPerFunction(() -> run(compile(bytes), "far", 2)));
        long before = Linker.deferredDefined();
        Module again = compile(bytes);
        // (The compile itself happens at the first instantiation, and the class size is part of the key.)
        Instance i = withClassPerFunction(() -> WebAssembly.instantiate(again, Imports.builder().build()));
        assertEquals(before, Linker.deferredDefined(), "instantiating defines nothing");
        assertEquals(6, ((Value.I32) i.exports().function("near").call(Value.i32(5))[0]).value());
        assertEquals(before + 1, Linker.deferredDefined(), "near's class only");
        assertEquals(13, ((Value.I32) i.exports().function("far").call(Value.i32(5))[0]).value());
        assertEquals(before + 3, Linker.deferredDefined(), "far's class, and twice's through far's call");
        assertEquals(3, again.compileReport().orElseThrow().compiled());
    }

    @Test
    void aCachedClassThatDoesNotLoadFailsItsCallAndDropsTheEntry() throws Exception {
        byte[] bytes = Wat.parse(THREE);
        assertEquals(7, withClassPerFunction(() -> run(compile(bytes), "far", 2)));
        Path entry = entries().getFirst();
        byte[] all = Files.readAllBytes(entry);
        // Every class's magic number broken, and the checksum made to match: an entry only the JVM can refuse.
        for (int k = 8; k + 4 <= all.length; k++) {
            if ((all[k] & 0xff) == 0xCA && (all[k + 1] & 0xff) == 0xFE && (all[k + 2] & 0xff) == 0xBA && (all[k + 3] & 0xff) == 0xBE) all[k] = 0;
        }
        java.nio.ByteBuffer.wrap(all).putLong(0, ClassCache.checksum(all, 8));
        Files.write(entry, all);
        long hits = ClassCache.HITS.get();
        Instance i = withClassPerFunction(() -> WebAssembly.instantiate(compile(bytes), Imports.builder().build()));
        assertEquals(hits + 1, ClassCache.HITS.get());
        dev.gatun.RuntimeError e = org.junit.jupiter.api.Assertions.assertThrows(dev.gatun.RuntimeError.class,
                () -> i.exports().function("near").call(Value.i32(1)));
        assertTrue(e.getMessage().contains("class cache"), e.getMessage());
        assertTrue(entries().isEmpty(), "the entry is evicted, so the next process compiles again");
        assertEquals(7, withClassPerFunction(() -> run(compile(bytes), "far", 2)));
    }
}
