package dev.gatun.interpreter;

/**
 * Opcodes of the register IR. An instruction word is {@code op:10 | a:18 | b:18 | c:18} (low to high);
 * a, b, c are frame-relative registers or small immediates; wider immediates and branch targets follow
 * in extension words. Ops below {@link #COLD} are dispatched by {@code Interpreter.run}'s table, the
 * rest (and the few hot-range numbers run leaves out) by {@code Interpreter.runMisc}.
 *
 * <p>18-bit register fields give frames of up to 262,143 registers without a wide encoding (the
 * brief's 16-bit fields would need wide variants from 65,536 on).
 */
public final class Op {
    private Op() {}

    static final int FIELD_BITS = 18;
    public static final int FIELD_MASK = (1 << FIELD_BITS) - 1;
    static final int MAX_REG = FIELD_MASK;

    // Control and data movement (0..31).
    static final int COPY = 0;          // a <- b
    static final int BR = 1;            // ext: target
    static final int BR_NZ = 2;         // if b != 0 goto ext
    static final int BR_Z = 3;          // if b == 0 goto ext
    static final int BR_TABLE = 4;      // index b, c = n; n+1 target words follow (default last)
    static final int BR_I32_EQ = 5;     // 5..14: fused i32 compare+branch, wasm order eq ne lt_s lt_u gt_s gt_u le_s le_u ge_s ge_u
    static final int BR_I64_EQ = 15;    // 15..24: fused i64 compare+branch
    static final int CALL = 25;         // a = first argument register (callee fp), funcidx = b | c << 18
    static final int CALL_INDIRECT = 26;// a = first argument register, b = element index register, c = tableidx; ext: type id
    static final int RET0 = 27;
    static final int RET1 = 28;         // regs[fp] <- b, then return
    static final int SELECT = 29;       // a <- ext-cond != 0 ? b : c
    static final int GLOBAL_GET = 30;   // a <- globals[b]
    static final int GLOBAL_SET = 31;   // globals[b] <- a

    /** Numeric ops: wasm opcode 0x45..0xC4 maps to NUM + (opcode - 0x45): a <- op(b[, c]). */
    static final int NUM = 32;
    /** Loads and stores: wasm opcode 0x28..0x3E maps to MEM + (opcode - 0x28); a = value, b = address, c = offset. */
    static final int MEM = 160;
    static final int LOAD_END = MEM + (0x35 - 0x28);
    /**
     * 184..189: select fused with the i32 compare that made its condition (eq ne lt_s lt_u gt_s gt_u;
     * le/ge are emitted as the negated compare with the values swapped); ext: lhs | rhs << 32.
     */
    static final int SEL_I32_EQ = 184;
    /**
     * 194..201: a load fused with the i32.add that computed its address (memarg offset 0):
     * a <- load(u32(b + c)), in wasm load order i32 i64 f32 f64 i32.8s i32.8u i32.16s i32.16u.
     */
    static final int LOAD_ADD = 194;
    /** a <- ext: a constant without a frame slot (past {@code Translator.MAX_CONST_SLOTS} distinct ones). */
    static final int CONST = 208;
    /** 209..212: i32.add / i32.sub fused with a branch on the result being nonzero / zero; ext: target. */
    static final int ADD_BR_NZ = 209, ADD_BR_Z = 210, SUB_BR_NZ = 211, SUB_BR_Z = 212;
    /**
     * 213..218: i32.add fused with the compare+branch that tests its result against a register
     * (eq ne lt_s lt_u gt_s gt_u); ext: target (low 32 bits) | compared register << 32.
     */
    static final int ADD_CMP_BR = 213;
    /**
     * 219..223: a store fused with the i32.add that computed its address (memarg offset 0):
     * store(u32(b + c)) <- a, in wasm store order i32 i64 f32 f64 i32.8 (the wider-narrowing ones stay
     * plain: run has little room left under the C1 size limit).
     */
    static final int STORE_ADD = 219;

    static final int COLD = 256;
    static final int UNREACHABLE = 256;
    static final int MEMORY_SIZE = 257;  // a <- pages; ext: memidx
    static final int MEMORY_GROW = 258;  // a <- grow(b); ext: memidx
    static final int ADDR_BIG = 259;     // a <- u32(b) + ext (traps when past 4 GiB)
    static final int COPY_REF = 260;     // refs a <- refs b
    static final int SELECT_REF = 261;   // refs a <- ext-cond != 0 ? refs b : refs c
    static final int GLOBAL_GET_REF = 262;
    static final int GLOBAL_SET_REF = 263;
    static final int REF_NULL = 264;     // refs a <- null
    static final int REF_IS_NULL = 265;  // a <- refs b == null
    static final int REF_FUNC = 266;     // refs a <- funcs[b | c << 18]
    static final int TABLE_GET = 267;    // refs a <- table c [b]
    static final int TABLE_SET = 268;    // table c [b] <- refs a
    static final int TABLE_SIZE = 269;   // a <- size of table c
    static final int TABLE_GROW = 270;   // a <- grow table ext by c with refs b
    static final int TABLE_FILL = 271;   // table ext: fill [a, a+c) with refs b
    static final int TABLE_COPY = 272;   // d=a s=b n=c; ext: dst << 32 | src
    static final int TABLE_INIT = 273;   // d=a s=b n=c; ext: elemidx << 32 | tableidx
    static final int ELEM_DROP = 274;    // ext: elemidx
    static final int MEMORY_INIT = 275;  // d=a s=b n=c; ext: memidx << 32 | dataidx
    static final int DATA_DROP = 276;    // ext: dataidx
    static final int MEMORY_COPY = 277;  // d=a s=b n=c; ext: dst memidx << 32 | src memidx
    static final int MEMORY_FILL = 278;  // d=a val=b n=c; ext: memidx
    /**
     * A load or store of any memory but a 32-bit memory 0 (multi-memory, memory64): a = value, b = address;
     * ext: the access (wasm opcode - 0x28) | memidx << 8, then the offset.
     */
    static final int MEMX = 279;
    static final int TRUNC_SAT = 280;    // 280..287: 0xFC00..0xFC07
    static final int SIMD = 300;         // v128 ops, dispatched to SimdExec

    static long word(int op, int a, int b, int c) {
        return (op & 0x3FFL) | (long) a << 10 | (long) b << 28 | (long) c << 46;
    }
}
