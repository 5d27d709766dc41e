package dev.gatun.text;

import dev.gatun.CompileError;
import dev.gatun.Wat;
import dev.gatun.testing.ModuleBuilder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small hand-assembled modules whose text was checked by hand against the spec's text format. */
class TextPrinterTest {
    static final TextPrinter.Options FOLDED = TextPrinter.Options.FOLDED;

    /** A module of the given sections (each already {@link #section}-framed). */
    static byte[] module(byte[]... sections) {
        ModuleBuilder.Bytes out = ModuleBuilder.header();
        for (byte[] s : sections) out.raw(s);
        return out.toArray();
    }

    /** A section: id, size (one-byte LEB, enough for these tests), payload. */
    static byte[] section(int id, int... payload) {
        if (payload.length > 127) throw new IllegalArgumentException("long section");
        byte[] b = new byte[payload.length + 2];
        b[0] = (byte) id;
        b[1] = (byte) payload.length;
        for (int i = 0; i < payload.length; i++) b[i + 2] = (byte) payload[i];
        return b;
    }

    static int[] concat(int[]... parts) {
        int n = 0;
        for (int[] p : parts) n += p.length;
        int[] out = new int[n];
        int i = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }

    /** A name: length and ASCII bytes. */
    static int[] name(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int[] out = new int[b.length + 1];
        out[0] = b.length;
        for (int i = 0; i < b.length; i++) out[i + 1] = b[i] & 0xFF;
        return out;
    }

    static int[] sub(int id, int[] payload) {
        return concat(new int[] {id, payload.length}, payload);
    }

    /** (func $add (param $x i32) (param $y i32) (result i32) local.get $x local.get $y i32.add), exported as "add". */
    static final byte[] ADD = module(
            section(1, 1, 0x60, 2, 0x7F, 0x7F, 1, 0x7F),
            section(3, 1, 0),
            section(7, concat(new int[] {1}, name("add"), new int[] {0, 0})),
            section(10, 1, 7, 0, 0x20, 0, 0x20, 1, 0x6A, 0x0B),
            section(0, concat(name("name"),
                    sub(1, concat(new int[] {1, 0}, name("add"))),
                    sub(2, concat(new int[] {1, 0, 2, 0}, name("x"), new int[] {1}, name("y"))))));

    @Test
    void emptyModule() {
        assertEquals("(module)\n", TextPrinter.print(module()));
    }

    @Test
    void namesBecomeIdsFlat() {
        assertEquals("""
                (module
                  (type (func (param i32 i32) (result i32)))
                  (export "add" (func $add))
                  (func $add (type 0) (param $x i32) (param $y i32) (result i32)
                    local.get $x
                    local.get $y
                    i32.add))
                """, TextPrinter.print(ADD));
    }

    @Test
    void foldedNestsOperands() {
        assertEquals("""
                (module
                  (type (func (param i32 i32) (result i32)))
                  (export "add" (func $add))
                  (func $add (type 0) (param $x i32) (param $y i32) (result i32)
                    (i32.add (local.get $x) (local.get $y))))
                """, TextPrinter.print(ADD, FOLDED));
    }

    /** A module with something in every index space, and a name for each from every name subsection. */
    static final byte[] NAMED = module(
            section(1, 2, 0x60, 0, 0, 0x5F, 1, 0x7F, 1),
            section(3, 1, 0),
            section(4, 1, 0x70, 0, 1),
            section(5, 1, 0, 1),
            section(13, 1, 0, 0),
            section(6, 1, 0x7F, 0, 0x41, 0, 0x0B),
            section(9, 1, 1, 0, 1, 0),
            section(12, 1),
            section(10, 1, 15, 0, 0x02, 0x40, 0x0C, 0, 0x0B, 0x23, 0, 0x1A, 0x41, 0, 0x11, 0, 0, 0x0B),
            section(11, 1, 1, 1, 'x'),
            section(0, concat(name("name"),
                    sub(0, name("m")),
                    sub(1, concat(new int[] {1, 0}, name("f"))),
                    sub(3, concat(new int[] {1, 0, 1, 0}, name("l"))),
                    sub(4, concat(new int[] {2, 0}, name("t"), new int[] {1}, name("s"))),
                    sub(5, concat(new int[] {1, 0}, name("tab"))),
                    sub(6, concat(new int[] {1, 0}, name("mem"))),
                    sub(7, concat(new int[] {1, 0}, name("g"))),
                    sub(8, concat(new int[] {1, 0}, name("e"))),
                    sub(9, concat(new int[] {1, 0}, name("d"))),
                    sub(10, concat(new int[] {1, 1, 1, 0}, name("x"))),
                    sub(11, concat(new int[] {1, 0}, name("ex"))))));

    @Test
    void everyNameSubsectionIsUsed() {
        assertEquals("""
                (module $m
                  (type $t (func))
                  (type $s (struct (field $x (mut i32))))
                  (table $tab 1 funcref)
                  (memory $mem 1)
                  (tag $ex (type $t))
                  (global $g i32 i32.const 0)
                  (elem $e func $f)
                  (func $f (type $t)
                    block $l
                      br 0
                    end
                    global.get $g
                    drop
                    i32.const 0
                    call_indirect $tab (type $t))
                  (data $d "x"))
                """, TextPrinter.print(NAMED));
        String folded = TextPrinter.print(NAMED, FOLDED);
        assertTrue(folded.contains("""
                  (func $f (type $t)
                    (block $l
                      (br 0))
                    (drop (global.get $g))
                    (call_indirect $tab (type $t) (i32.const 0)))
                """), folded);
    }

    @Test
    void aBrokenNameSubsectionLosesOnlyItsOwnNames() {
        // Subsection 10 (field names) holding what wabt 1.0.32 writes there, a tag name map: not an indirect map.
        byte[] wasm = module(section(1, 1, 0x60, 0, 0), section(3, 1, 0), section(10, 1, 2, 0, 0x0B),
                section(0, concat(name("name"), sub(1, concat(new int[] {1, 0}, name("f"))),
                        sub(10, concat(new int[] {1, 0}, name("oops"))))));
        assertEquals("""
                (module
                  (type (func))
                  (func $f (type 0)))
                """, TextPrinter.print(wasm));
    }

    @Test
    void namesThatAreNotIdsAreQuotedAndDuplicatesFallBackToIndices() {
        byte[] wasm = module(
                section(1, 1, 0x60, 0, 0),
                section(3, 3, 0, 0, 0),
                section(10, 3, 2, 0, 0x0B, 4, 0, 0x10, 0, 0x0B, 2, 0, 0x0B),
                section(0, concat(name("name"), sub(1, concat(new int[] {3, 0}, name("a b"),
                        new int[] {1}, name("f"), new int[] {2}, name("f"))))));
        assertEquals("""
                (module
                  (type (func))
                  (func $"a b" (type 0))
                  (func $f (type 0)
                    call $"a b")
                  (func (type 0)))
                """, TextPrinter.print(wasm));
    }

    @Test
    void literalsAreExact() {
        int[] body = concat(
                new int[] {0x43, 0, 0, 0, 0x80},                 // f32.const -0
                new int[] {0x43, 0, 0, 0x80, 0x7F},              // f32.const inf
                new int[] {0x43, 0, 0, 0xC0, 0xFF},              // f32.const -nan (canonical)
                new int[] {0x43, 0, 0, 0xA0, 0x7F},              // f32.const nan:0x200000
                new int[] {0x43, 1, 0, 0, 0},                    // f32.const 0x1p-149 (smallest subnormal)
                new int[] {0x44, 0x9A, 0x99, 0x99, 0x99, 0x99, 0x99, 0xB9, 0x3F}, // f64.const 0.1
                new int[] {0x42, 0x7F},                          // i64.const -1
                new int[] {0x41, 0x80, 0x80, 0x80, 0x80, 0x78},  // i32.const -2^31
                new int[] {0xFD, 0x0C, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF},
                new int[] {0xFD, 0x0D, 0, 17, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 31},
                new int[] {0x28, 0, 4},                          // i32.load offset=4 align=1
                new int[] {0x29, 3, 0},                          // i64.load (natural alignment 8)
                new int[] {0x0B});
        byte[] wasm = module(section(1, 1, 0x60, 0, 0), section(3, 1, 0), section(5, 1, 0, 1),
                section(10, concat(new int[] {1, body.length + 1, 0}, body)));
        assertEquals("""
                (module
                  (type (func))
                  (memory 1)
                  (func (type 0)
                    f32.const -0x0p+0
                    f32.const inf
                    f32.const -nan
                    f32.const nan:0x200000
                    f32.const 0x0.000002p-126
                    f64.const 0x1.999999999999ap-4
                    i64.const -1
                    i32.const -2147483648
                    v128.const i32x4 0x00000001 0x00000002 0x00000003 0xffffffff
                    i8x16.shuffle 0 17 2 3 4 5 6 7 8 9 10 11 12 13 14 31
                    i32.load offset=4 align=1
                    i64.load))
                """, TextPrinter.print(wasm));
    }

    @Test
    void customSectionsKeepTheirPlaceAndBytes() {
        byte[] wasm = module(section(1, 1, 0x60, 0, 0), section(0, concat(name("hi"), new int[] {0, '"', '\\', 'A', '\n'})));
        assertEquals("""
                (module
                  (type (func))
                  (@custom "hi" (after type) "\\00\\"\\\\A\\n"))
                """, TextPrinter.print(wasm));
    }

    @Test
    void everyElementAndDataEncoding() {
        int[] i32c0 = {0x41, 0, 0x0B};
        int[] refFunc0 = {0xD2, 0, 0x0B};
        byte[] wasm = module(
                section(1, 1, 0x60, 0, 0),
                section(3, 1, 0),
                section(4, 1, 0x70, 0, 0),
                section(5, 1, 0, 1),
                section(9, concat(new int[] {8},
                        concat(new int[] {0}, i32c0, new int[] {1, 0}),
                        new int[] {1, 0, 1, 0},
                        concat(new int[] {2, 0}, i32c0, new int[] {0, 1, 0}),
                        new int[] {3, 0, 1, 0},
                        concat(new int[] {4}, i32c0, new int[] {1}, refFunc0),
                        concat(new int[] {5, 0x70, 1}, refFunc0),
                        concat(new int[] {6, 0}, i32c0, new int[] {0x70, 1}, refFunc0),
                        concat(new int[] {7, 0x70, 1}, refFunc0))),
                section(12, 3),
                section(10, 1, 2, 0, 0x0B),
                section(11, concat(new int[] {3},
                        concat(new int[] {0}, i32c0, new int[] {2, 'h', 'i'}),
                        new int[] {1, 1, 0xFF},
                        concat(new int[] {2, 0}, i32c0, new int[] {0}))));
        assertEquals("""
                (module
                  (type (func))
                  (table 0 funcref)
                  (memory 1)
                  (elem (offset i32.const 0) func 0)
                  (elem func 0)
                  (elem (table 0) (offset i32.const 0) func 0)
                  (elem declare func 0)
                  (elem (offset i32.const 0) funcref (item ref.func 0))
                  (elem funcref (item ref.func 0))
                  (elem (table 0) (offset i32.const 0) funcref (item ref.func 0))
                  (elem declare funcref (item ref.func 0))
                  (func (type 0))
                  (data (offset i32.const 0) "hi")
                  (data "\\ff")
                  (data (memory 0) (offset i32.const 0)))
                """, TextPrinter.print(wasm));
    }

    /** Wasm 3.0 types, limits, exceptions (both forms), tail calls and GC instructions. */
    static final byte[] WASM_3 = module(
            section(1, 4,
                    0x4E, 2,
                    0x50, 0, 0x5F, 2, 0x7F, 0, 0x78, 1,
                    0x4F, 1, 0, 0x5F, 3, 0x7F, 0, 0x78, 1, 0x63, 0, 0,
                    0x5E, 0x77, 1,
                    0x60, 1, 0x64, 0x6E, 1, 0x6A,
                    0x60, 0, 0),
            section(3, 3, 4, 3, 4),
            section(4, 2, 0x70, 0x05, 1, 10, 0x40, 0x00, 0x64, 0x70, 0x00, 1, 0xD2, 0x00, 0x0B),
            section(5, 2, 0x07, 1, 2, 0x03, 1, 2),
            section(13, 1, 0, 4),
            section(10, 3,
                    25, 0, 0x41, 0, 0x29, 3, 0x80, 0x80, 0x80, 0x80, 0x20, 0x1A,
                    0x1F, 0x40, 2, 0, 0, 0, 3, 0, 0x08, 0, 0x0B, 0x12, 0, 0x0B,
                    23, 0, 0x20, 0, 0xFB, 0x18, 3, 0, 0x6E, 2, 0x1A, 0xD0, 1, 0xFB, 2, 1, 2, 0x1A,
                    0x41, 1, 0xFB, 7, 2, 0x0B,
                    15, 0, 0x06, 0x40, 0x01, 0x07, 0, 0x01, 0x19, 0x01, 0x0B, 0x06, 0x40, 0x18, 0, 0x0B));

    @Test
    void wasm3FeaturesFlat() {
        assertEquals("""
                (module
                  (rec
                    (type (sub (struct (field i32) (field (mut i8)))))
                    (type (sub final 0 (struct (field i32) (field (mut i8)) (field (ref null 0))))))
                  (type (array (mut i16)))
                  (type (func (param (ref any)) (result arrayref)))
                  (type (func))
                  (table i64 1 10 funcref)
                  (table 1 (ref func) ref.func 0)
                  (memory i64 1 2 shared)
                  (memory 1 2 shared)
                  (tag (type 4))
                  (func (type 4)
                    i32.const 0
                    i64.load offset=8589934592
                    drop
                    try_table (catch 0 0) (catch_all_ref 0)
                      throw 0
                    end
                    return_call 0)
                  (func (type 3) (param (ref any)) (result arrayref)
                    local.get 0
                    br_on_cast 0 (ref null any) (ref null 2)
                    drop
                    ref.null 1
                    struct.get 1 2
                    drop
                    i32.const 1
                    array.new_default 2)
                  (func (type 4)
                    try
                      nop
                    catch 0
                      nop
                    catch_all
                      nop
                    end
                    try
                    delegate 0))
                """, TextPrinter.print(WASM_3));
    }

    @Test
    void wasm3FeaturesFolded() {
        String text = TextPrinter.print(WASM_3, FOLDED);
        assertTrue(text.contains("""
                  (func (type 4)
                    (drop (i64.load offset=8589934592 (i32.const 0)))
                    (try_table (catch 0 0) (catch_all_ref 0)
                      (throw 0))
                    (return_call 0))
                """), text);
        assertTrue(text.contains("""
                    (br_on_cast 0 (ref null any) (ref null 2) (local.get 0))
                    (drop)
                    (drop (struct.get 1 2 (ref.null 1)))
                    (array.new_default 2 (i32.const 1)))
                """), text);
        assertTrue(text.contains("""
                    (try
                      (do
                        (nop))
                      (catch 0
                        (nop))
                      (catch_all
                        (nop)))
                    (try
                      (do)
                      (delegate 0))))
                """), text);
    }

    @Test
    void mutatedModulesGiveOnlyCompileErrors() {
        java.util.Random random = new java.util.Random(12);
        int printed = 0, rejected = 0;
        for (byte[] original : java.util.List.of(ADD, NAMED, WASM_3)) {
            for (int round = 0; round < 3000; round++) {
                byte[] b = original.clone();
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    int at = 8 + random.nextInt(b.length - 8);
                    b[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : b[at] ^ 1 << random.nextInt(8));
                }
                try {
                    Wat.print(b, random.nextBoolean());
                    printed++;
                } catch (CompileError e) {
                    assertEquals(CompileError.Kind.MALFORMED, e.kind());
                    assertTrue(e.offset() >= 0 && e.offset() <= b.length, e.getMessage());
                    rejected++;
                }
            }
        }
        // Both outcomes occur, so the mutations reach past the first check.
        assertTrue(printed > 500 && rejected > 500, printed + " printed, " + rejected + " rejected");
    }

    @Test
    void deeplyNestedBlocksPrint() {
        int depth = 20_000;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0);
        for (int i = 0; i < depth; i++) body.writeBytes(new byte[] {0x02, 0x40});
        for (int i = 0; i <= depth; i++) body.write(0x0B);
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.write(1);
        leb(code, body.size());
        code.writeBytes(body.toByteArray());
        ByteArrayOutputStream wasm = new ByteArrayOutputStream();
        wasm.writeBytes(module(section(1, 1, 0x60, 0, 0), section(3, 1, 0)));
        wasm.write(10);
        leb(wasm, code.size());
        wasm.writeBytes(code.toByteArray());
        for (TextPrinter.Options o : java.util.List.of(TextPrinter.Options.FLAT, FOLDED)) {
            String text = TextPrinter.print(wasm.toByteArray(), o);
            assertEquals(depth, text.split("block", -1).length - 1);
            assertTrue(TextPrinterSpecTest.balanced(text));
            // Indentation stops growing at level 40, so the text stays linear in the depth.
            assertTrue(text.length() < 200L * depth, text.length() + " chars");
        }
    }

    static void leb(ByteArrayOutputStream out, int v) {
        do {
            int b = v & 0x7F;
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
    }

    @Test
    void malformedInputIsACompileErrorWithItsOffset() {
        CompileError e = assertThrows(CompileError.class, () -> Wat.print(new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0}));
        assertEquals(CompileError.Kind.MALFORMED, e.kind());
        assertEquals("unknown binary version", e.reason());

        // A body with opcode 0xFF, which no instruction has.
        byte[] bad = module(section(1, 1, 0x60, 0, 0), section(3, 1, 0), section(10, 1, 3, 0, 0xFF, 0x0B));
        e = assertThrows(CompileError.class, () -> Wat.print(bad));
        assertEquals("illegal opcode", e.reason());
        assertEquals(bad.length - 2, e.offset());

        // Every truncation of a valid module is malformed, never another exception, except where it ends
        // between sections that make a module on their own: the header (8), the type section (17), the code (41).
        java.util.Set<Integer> whole = java.util.Set.of(8, 17, 41);
        for (int n = 0; n < ADD.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(ADD, n);
            try {
                Wat.print(cut);
                assertTrue(whole.contains(n), "printed a module cut to " + n + " bytes");
            } catch (CompileError ce) {
                assertEquals(CompileError.Kind.MALFORMED, ce.kind());
                assertTrue(!whole.contains(n), ce.getMessage());
            }
        }
    }
}
