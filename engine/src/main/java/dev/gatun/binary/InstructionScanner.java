package dev.gatun.binary;

/**
 * Structural check of an instruction sequence: every opcode is a Wasm 2.0 instruction, every immediate
 * is well-formed, and {@code block}/{@code loop}/{@code if}/{@code else}/{@code end} nest properly.
 * Type checking is left to the validator. No recursion and no per-instruction allocation.
 */
final class InstructionScanner {
    // Immediate shapes of single-byte opcodes.
    private static final byte BAD = 0, NONE = 1, BLOCK = 2, IF = 3, ELSE = 4, END = 5, U32 = 6, BR_TABLE = 7,
            U32_U32 = 8, SELECT_T = 9, MEMARG = 10, ZERO = 11, S32 = 12, S64 = 13, F32 = 14, F64 = 15,
            REFTYPE = 16, PREFIX_FC = 17, PREFIX_FD = 18;
    private static final byte[] SHAPE = new byte[256];

    static {
        for (int op = 0x45; op <= 0xC4; op++) SHAPE[op] = NONE;
        SHAPE[0x00] = NONE; SHAPE[0x01] = NONE;
        SHAPE[0x02] = BLOCK; SHAPE[0x03] = BLOCK; SHAPE[0x04] = IF; SHAPE[0x05] = ELSE; SHAPE[0x0B] = END;
        SHAPE[0x0C] = U32; SHAPE[0x0D] = U32; SHAPE[0x0E] = BR_TABLE; SHAPE[0x0F] = NONE;
        SHAPE[0x10] = U32; SHAPE[0x11] = U32_U32;
        SHAPE[0x1A] = NONE; SHAPE[0x1B] = NONE; SHAPE[0x1C] = SELECT_T;
        for (int op = 0x20; op <= 0x26; op++) SHAPE[op] = U32;
        for (int op = 0x28; op <= 0x3E; op++) SHAPE[op] = MEMARG;
        SHAPE[0x3F] = ZERO; SHAPE[0x40] = ZERO;
        SHAPE[0x41] = S32; SHAPE[0x42] = S64; SHAPE[0x43] = F32; SHAPE[0x44] = F64;
        SHAPE[0xD0] = REFTYPE; SHAPE[0xD1] = NONE; SHAPE[0xD2] = U32;
        SHAPE[0xFC] = PREFIX_FC; SHAPE[0xFD] = PREFIX_FD;
    }

    private final boolean hasDataCount;
    /** Offset of the first memory.init/data.drop when the module has no data count section, else -1. */
    long firstDataIndexUse = -1;
    private byte[] ctl = new byte[16];   // per open block: 0 block/loop, 1 if, 2 if after else

    InstructionScanner(boolean hasDataCount) {
        this.hasDataCount = hasDataCount;
    }

    /** Scans a function body's instructions up to and including its final {@code end}. */
    void scanFunction(WasmReader r) {
        scan(r, false);
    }

    /** Scans a constant expression up to its {@code end}; true when every instruction was a constant one. */
    boolean scanConst(WasmReader r) {
        return scan(r, true);
    }

    private boolean scan(WasmReader r, boolean constant) {
        int depth = 1;
        ctl[0] = 0;
        boolean onlyConst = true;
        while (true) {
            if (r.atEnd()) throw r.malformed(constant ? "unexpected end" : "unexpected end of section or function");
            int op = r.u8();
            switch (SHAPE[op]) {
                case NONE -> onlyConst = false;
                case BLOCK, IF -> {
                    onlyConst = false;
                    blockType(r);
                    if (depth == ctl.length) ctl = java.util.Arrays.copyOf(ctl, depth * 2);
                    ctl[depth++] = SHAPE[op] == IF ? (byte) 1 : (byte) 0;
                }
                case ELSE -> {
                    onlyConst = false;
                    if (ctl[depth - 1] != 1) throw r.malformedAt(r.offset() - 1, "END opcode expected");
                    ctl[depth - 1] = 2;
                }
                case END -> {
                    if (--depth == 0) return onlyConst;
                }
                case U32 -> {
                    if (op != 0x23 && op != 0xD2) onlyConst = false;
                    r.u32();
                }
                case BR_TABLE -> {
                    onlyConst = false;
                    long at = r.offset();
                    long n = r.u32() & 0xFFFF_FFFFL;
                    if (n > r.remaining()) throw r.malformedAt(at, "length out of bounds");
                    for (long i = 0; i <= n; i++) r.u32();
                }
                case U32_U32 -> {
                    onlyConst = false;
                    r.u32();
                    r.u32();
                }
                case SELECT_T -> {
                    onlyConst = false;
                    long at = r.offset();
                    long n = r.u32() & 0xFFFF_FFFFL;
                    if (n > r.remaining()) throw r.malformedAt(at, "length out of bounds");
                    for (long i = 0; i < n; i++) valType(r);
                }
                case MEMARG -> {
                    onlyConst = false;
                    memarg(r);
                }
                case ZERO -> {
                    onlyConst = false;
                    zero(r);
                }
                case S32 -> r.s32();
                case S64 -> r.s64();
                case F32 -> r.skip(4);
                case F64 -> r.skip(8);
                case REFTYPE -> refType(r);
                case PREFIX_FC -> {
                    onlyConst = false;
                    prefixFC(r);
                }
                case PREFIX_FD -> {
                    if (prefixFD(r) != 12) onlyConst = false;
                }
                default -> throw r.malformedAt(r.offset() - 1, "illegal opcode");
            }
        }
    }

    private static void blockType(WasmReader r) {
        long at = r.offset();
        long v = r.s33();
        if (v >= 0) return;                           // type index; range checked by validation
        if (v == -64) return;                         // 0x40: empty
        if (v < -64 || dev.gatun.ValType.fromCode((int) (v & 0x7F)) == null)
            throw r.malformedAt(at, "malformed value type");
    }

    private static void valType(WasmReader r) {
        if (dev.gatun.ValType.fromCode(r.u8()) == null) throw r.malformedAt(r.offset() - 1, "malformed value type");
    }

    private static void refType(WasmReader r) {
        int b = r.u8();
        if (b != 0x70 && b != 0x6F) throw r.malformedAt(r.offset() - 1, "malformed reference type");
    }

    static void memarg(WasmReader r) {
        long at = r.offset();
        int align = r.u32();
        // Wasm 2.0 has one memory: flags above 31 (including the multi-memory bit 6) are malformed.
        if (align < 0 || align >= 32) throw r.malformedAt(at, "malformed memop flags");
        r.u32();
    }

    private void noteDataIndex(long at) {
        // Whether that is malformed depends on the data section, which comes after the code section.
        if (!hasDataCount && firstDataIndexUse < 0) firstDataIndexUse = at;
    }

    private static void zero(WasmReader r) {
        if (r.u8() != 0) throw r.malformedAt(r.offset() - 1, "zero byte expected");
    }

    private void prefixFC(WasmReader r) {
        long at = r.offset() - 1;
        int sub = r.u32();
        switch (sub) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> { }
            case 8 -> {
                noteDataIndex(at);
                r.u32();
                zero(r);
            }
            case 9 -> {
                noteDataIndex(at);
                r.u32();
            }
            case 10 -> { zero(r); zero(r); }
            case 11 -> zero(r);
            case 12, 14 -> { r.u32(); r.u32(); }
            case 13, 15, 16, 17 -> r.u32();
            default -> throw r.malformedAt(at, "illegal opcode");
        }
    }

    private static int prefixFD(WasmReader r) {
        long at = r.offset() - 1;
        int sub = r.u32();
        if (sub < 0 || sub > 0xFF || Opcodes.name(0xFD00 | sub) == null) throw r.malformedAt(at, "illegal opcode");
        if (sub <= 11 || sub == 0x5C || sub == 0x5D) {
            memarg(r);
        } else if (sub == 12 || sub == 13) {
            r.skip(16);
        } else if (sub >= 0x15 && sub <= 0x22) {
            r.u8();
        } else if (sub >= 0x54 && sub <= 0x5B) {
            memarg(r);
            r.u8();
        }
        return sub;
    }
}
