package dev.gatun.testing;

import dev.gatun.model.Instruction;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles small Wasm binaries for tests (no text-format tool needed at test time): whole modules, or,
 * for tests of malformed input, a {@link #header()} and hand-framed {@link Bytes#section sections}.
 * Shared with the other modules' tests through the engine's test jar.
 */
public final class ModuleBuilder {
    private final List<byte[]> types = new ArrayList<>();
    private final List<byte[]> imports = new ArrayList<>();
    private final List<Integer> funcTypes = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();
    private final List<byte[]> exports = new ArrayList<>();
    private final List<byte[]> names = new ArrayList<>();
    private int importedFuncs;
    private int memMin = -1;

    public static final int I32 = 0x7F, I64 = 0x7E, F32 = 0x7D, F64 = 0x7C;
    /** Section ids, in the spec's numbering. */
    public static final int CUSTOM_SECTION = 0, TYPE_SECTION = 1, IMPORT_SECTION = 2, FUNCTION_SECTION = 3,
            TABLE_SECTION = 4, MEMORY_SECTION = 5, GLOBAL_SECTION = 6, EXPORT_SECTION = 7, START_SECTION = 8,
            ELEMENT_SECTION = 9, CODE_SECTION = 10, DATA_SECTION = 11, DATA_COUNT_SECTION = 12, TAG_SECTION = 13;
    /** The form byte that starts a function type, and the block type of a block without params or results. */
    public static final int FUNC_TYPE = 0x60, EMPTY_BLOCK_TYPE = 0x40;

    /** The magic number and version 1, with which every module starts. */
    public static Bytes header() { return new Bytes().raw(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}); }

    public int type(int[] params, int[] results) {
        Bytes b = new Bytes().u8(FUNC_TYPE).u32(params.length);
        for (int p : params) b.u8(p);
        b.u32(results.length);
        for (int r : results) b.u8(r);
        types.add(b.toArray());
        return types.size() - 1;
    }

    public int importFunc(String module, String name, int type) {
        imports.add(new Bytes().str(module).str(name).u8(0).u32(type).toArray());
        return importedFuncs++;
    }

    public ModuleBuilder memory(int minPages) { memMin = minPages; return this; }

    /** A function: locals as (count, valtype) pairs, code including the final end. Returns its funcidx. */
    public int func(int type, int[][] locals, byte[] code) {
        funcTypes.add(type);
        Bytes b = new Bytes().u32(locals.length);
        for (int[] l : locals) b.u32(l[0]).u8(l[1]);
        b.raw(code);
        bodies.add(b.toArray());
        return importedFuncs + funcTypes.size() - 1;
    }

    public ModuleBuilder exportFunc(String name, int funcidx) {
        exports.add(new Bytes().str(name).u8(0).u32(funcidx).toArray());
        return this;
    }

    public ModuleBuilder exportMemory(String name) {
        exports.add(new Bytes().str(name).u8(2).u32(0).toArray());
        return this;
    }

    public ModuleBuilder name(int funcidx, String name) {
        names.add(new Bytes().u32(funcidx).str(name).toArray());
        return this;
    }

    public byte[] build() {
        Bytes m = header();
        section(m, TYPE_SECTION, types);
        section(m, IMPORT_SECTION, imports);
        List<byte[]> fs = new ArrayList<>();
        for (int t : funcTypes) fs.add(new Bytes().u32(t).toArray());
        section(m, FUNCTION_SECTION, fs);
        if (memMin >= 0) section(m, MEMORY_SECTION, List.of(new Bytes().u8(0).u32(memMin).toArray()));
        section(m, EXPORT_SECTION, exports);
        List<byte[]> cs = new ArrayList<>();
        for (byte[] body : bodies) cs.add(new Bytes().u32(body.length).raw(body).toArray());
        section(m, CODE_SECTION, cs);
        if (!names.isEmpty()) {
            Bytes sub = new Bytes().u32(names.size());
            for (byte[] n : names) sub.raw(n);
            byte[] s = sub.toArray();
            Bytes custom = new Bytes().str("name").u8(1).u32(s.length).raw(s);
            byte[] c = custom.toArray();
            m.section(CUSTOM_SECTION, c);
        }
        return m.toArray();
    }

    private static void section(Bytes m, int id, List<byte[]> items) {
        if (items.isEmpty()) return;
        Bytes s = new Bytes().u32(items.size());
        for (byte[] i : items) s.raw(i);
        m.section(id, s.toArray());
    }

    /** A byte sink with LEB128 helpers, also used to write instruction sequences. */
    public static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Bytes u8(int b) { out.write(b); return this; }

        public Bytes u32(long v) {
            do {
                int b = (int) (v & 0x7F);
                v >>>= 7;
                out.write(v != 0 ? b | 0x80 : b);
            } while (v != 0);
            return this;
        }

        public Bytes s64(long v) {
            boolean more = true;
            while (more) {
                int b = (int) (v & 0x7F);
                v >>= 7;
                more = !((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0));
                out.write(more ? b | 0x80 : b);
            }
            return this;
        }

        public Bytes str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return u32(b.length).raw(b);
        }

        public Bytes raw(byte[] b) { out.writeBytes(b); return this; }

        /** A section: its id, its size, then its content. */
        public Bytes section(int id, byte[] content) { return u8(id).u32(content.length).raw(content); }

        /** A vector: its length, then the items. */
        public Bytes vec(byte[]... items) {
            u32(items.length);
            for (byte[] i : items) raw(i);
            return this;
        }

        public Bytes op(int... bytes) { for (int b : bytes) out.write(b); return this; }

        /** An instruction's opcode: its byte, or its prefix and LEB128 sub-opcode. */
        public Bytes op(Instruction in) { return in.prefix == 0 ? u8(in.code) : u8(in.prefix).u32(in.code); }

        public Bytes localGet(int i) { return op(Instruction.LOCAL_GET).u32(i); }
        public Bytes localSet(int i) { return op(Instruction.LOCAL_SET).u32(i); }
        public Bytes i32Const(int v) { return op(Instruction.I32_CONST).s64(v); }
        public Bytes i64Const(long v) { return op(Instruction.I64_CONST).s64(v); }
        public Bytes call(int f) { return op(Instruction.CALL).u32(f); }
        public Bytes f32Const(float v) {
            int bits = Float.floatToRawIntBits(v);
            return op(Instruction.F32_CONST).u8(bits).u8(bits >>> 8).u8(bits >>> 16).u8(bits >>> 24);
        }
        public Bytes end() { return op(Instruction.END); }

        public byte[] toArray() { return out.toByteArray(); }
    }
}
