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
public final class IrOp {
    private IrOp() {}

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
    /** a <- ext: a constant without a frame slot (past {@code FrameConstants.MAX_SLOTS} distinct ones). */
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
    /**
     * Tail calls: the callee replaces the frame at fp; a = first argument register (as for CALL), the
     * arguments move down to fp; the callee is in refs b (not null: a REF_FUNC, FUNC_OF_TABLE or FUNC_OF_REF
     * made it; one op for all three tail calls keeps run under its size budget). The words that follow
     * return the callee's results from a: where the interpreter runs a tail call as a call (to an
     * out-of-line callee). With c = 1 it is call_ref's plain call.
     */
    static final int RETURN_CALL_REF = 225;


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
    static final int FUNC_OF_TABLE = 279; // refs a <- call_indirect's callee: table c [b], ext: type id
    /**
     * A load or store of any memory but a 32-bit memory 0 (multi-memory, memory64): a = value, b = address;
     * ext: the access (wasm opcode - 0x28) | memidx << 8, then the offset.
     */
    static final int MEMX = 292;
    static final int TRUNC_SAT = 280;    // 280..287: 0xFC00..0xFC07
    static final int THROW = 288;        // throw tag ext with the payload in registers [a, a + b)
    static final int THROW_REF = 289;    // throw refs b (traps when null); also the legacy rethrow
    /**
     * ext: fuel cost of the region this starts (function entry, loop header); only in metered code, so
     * it sits in the cold range and leaves run's size to the unmetered hot ops.
     */
    static final int FUEL = 291;
    static final int ATOMIC = 290;       // every 0xFE instruction on a 32-bit memory 0; see AtomicOps
    static final int ATOMIC_X = 293;     // every 0xFE instruction on any other memory; see AtomicOps
    static final int FUNC_OF_REF = 294;  // refs a <- refs b, the callee of call_ref (traps when null)
    static final int REF_AS_NON_NULL = 295; // refs a <- refs b (traps when null)
    static final int GC = 296;           // every GC instruction; see GcTranslator and GcExec
    static final int SIMD = 300;         // v128 ops, dispatched to SimdExec

    /*
     * The ops of the families above, named after the instruction each runs (a fused op: the prefix
     * BR_, SEL_ or ADD_BR_ for a compare fused into a branch, a select or an add, ADD_ for an add folded
     * into a load's or store's address). Generated from the instruction table; IrOpNamesTest checks
     * every one against it, so the numbering can not drift.
     */

    // BR_I32_EQ + k: i32 compare fused with a branch
    static final int BR_I32_NE = BR_I32_EQ + 1;
    static final int BR_I32_LT_S = BR_I32_EQ + 2;
    static final int BR_I32_LT_U = BR_I32_EQ + 3;
    static final int BR_I32_GT_S = BR_I32_EQ + 4;
    static final int BR_I32_GT_U = BR_I32_EQ + 5;
    static final int BR_I32_LE_S = BR_I32_EQ + 6;
    static final int BR_I32_LE_U = BR_I32_EQ + 7;
    static final int BR_I32_GE_S = BR_I32_EQ + 8;
    static final int BR_I32_GE_U = BR_I32_EQ + 9;

    // BR_I64_EQ + k: i64 compare fused with a branch
    static final int BR_I64_NE = BR_I64_EQ + 1;
    static final int BR_I64_LT_S = BR_I64_EQ + 2;
    static final int BR_I64_LT_U = BR_I64_EQ + 3;
    static final int BR_I64_GT_S = BR_I64_EQ + 4;
    static final int BR_I64_GT_U = BR_I64_EQ + 5;
    static final int BR_I64_LE_S = BR_I64_EQ + 6;
    static final int BR_I64_LE_U = BR_I64_EQ + 7;
    static final int BR_I64_GE_S = BR_I64_EQ + 8;
    static final int BR_I64_GE_U = BR_I64_EQ + 9;

    // NUM + k: numeric ops, in opcode order
    static final int I32_EQZ = NUM + 0x00;
    static final int I32_EQ = NUM + 0x01;
    static final int I32_NE = NUM + 0x02;
    static final int I32_LT_S = NUM + 0x03;
    static final int I32_LT_U = NUM + 0x04;
    static final int I32_GT_S = NUM + 0x05;
    static final int I32_GT_U = NUM + 0x06;
    static final int I32_LE_S = NUM + 0x07;
    static final int I32_LE_U = NUM + 0x08;
    static final int I32_GE_S = NUM + 0x09;
    static final int I32_GE_U = NUM + 0x0A;
    static final int I64_EQZ = NUM + 0x0B;
    static final int I64_EQ = NUM + 0x0C;
    static final int I64_NE = NUM + 0x0D;
    static final int I64_LT_S = NUM + 0x0E;
    static final int I64_LT_U = NUM + 0x0F;
    static final int I64_GT_S = NUM + 0x10;
    static final int I64_GT_U = NUM + 0x11;
    static final int I64_LE_S = NUM + 0x12;
    static final int I64_LE_U = NUM + 0x13;
    static final int I64_GE_S = NUM + 0x14;
    static final int I64_GE_U = NUM + 0x15;
    static final int F32_EQ = NUM + 0x16;
    static final int F32_NE = NUM + 0x17;
    static final int F32_LT = NUM + 0x18;
    static final int F32_GT = NUM + 0x19;
    static final int F32_LE = NUM + 0x1A;
    static final int F32_GE = NUM + 0x1B;
    static final int F64_EQ = NUM + 0x1C;
    static final int F64_NE = NUM + 0x1D;
    static final int F64_LT = NUM + 0x1E;
    static final int F64_GT = NUM + 0x1F;
    static final int F64_LE = NUM + 0x20;
    static final int F64_GE = NUM + 0x21;
    static final int I32_CLZ = NUM + 0x22;
    static final int I32_CTZ = NUM + 0x23;
    static final int I32_POPCNT = NUM + 0x24;
    static final int I32_ADD = NUM + 0x25;
    static final int I32_SUB = NUM + 0x26;
    static final int I32_MUL = NUM + 0x27;
    static final int I32_DIV_S = NUM + 0x28;
    static final int I32_DIV_U = NUM + 0x29;
    static final int I32_REM_S = NUM + 0x2A;
    static final int I32_REM_U = NUM + 0x2B;
    static final int I32_AND = NUM + 0x2C;
    static final int I32_OR = NUM + 0x2D;
    static final int I32_XOR = NUM + 0x2E;
    static final int I32_SHL = NUM + 0x2F;
    static final int I32_SHR_S = NUM + 0x30;
    static final int I32_SHR_U = NUM + 0x31;
    static final int I32_ROTL = NUM + 0x32;
    static final int I32_ROTR = NUM + 0x33;
    static final int I64_CLZ = NUM + 0x34;
    static final int I64_CTZ = NUM + 0x35;
    static final int I64_POPCNT = NUM + 0x36;
    static final int I64_ADD = NUM + 0x37;
    static final int I64_SUB = NUM + 0x38;
    static final int I64_MUL = NUM + 0x39;
    static final int I64_DIV_S = NUM + 0x3A;
    static final int I64_DIV_U = NUM + 0x3B;
    static final int I64_REM_S = NUM + 0x3C;
    static final int I64_REM_U = NUM + 0x3D;
    static final int I64_AND = NUM + 0x3E;
    static final int I64_OR = NUM + 0x3F;
    static final int I64_XOR = NUM + 0x40;
    static final int I64_SHL = NUM + 0x41;
    static final int I64_SHR_S = NUM + 0x42;
    static final int I64_SHR_U = NUM + 0x43;
    static final int I64_ROTL = NUM + 0x44;
    static final int I64_ROTR = NUM + 0x45;
    static final int F32_ABS = NUM + 0x46;
    static final int F32_NEG = NUM + 0x47;
    static final int F32_CEIL = NUM + 0x48;
    static final int F32_FLOOR = NUM + 0x49;
    static final int F32_TRUNC = NUM + 0x4A;
    static final int F32_NEAREST = NUM + 0x4B;
    static final int F32_SQRT = NUM + 0x4C;
    static final int F32_ADD = NUM + 0x4D;
    static final int F32_SUB = NUM + 0x4E;
    static final int F32_MUL = NUM + 0x4F;
    static final int F32_DIV = NUM + 0x50;
    static final int F32_MIN = NUM + 0x51;
    static final int F32_MAX = NUM + 0x52;
    static final int F32_COPYSIGN = NUM + 0x53;
    static final int F64_ABS = NUM + 0x54;
    static final int F64_NEG = NUM + 0x55;
    static final int F64_CEIL = NUM + 0x56;
    static final int F64_FLOOR = NUM + 0x57;
    static final int F64_TRUNC = NUM + 0x58;
    static final int F64_NEAREST = NUM + 0x59;
    static final int F64_SQRT = NUM + 0x5A;
    static final int F64_ADD = NUM + 0x5B;
    static final int F64_SUB = NUM + 0x5C;
    static final int F64_MUL = NUM + 0x5D;
    static final int F64_DIV = NUM + 0x5E;
    static final int F64_MIN = NUM + 0x5F;
    static final int F64_MAX = NUM + 0x60;
    static final int F64_COPYSIGN = NUM + 0x61;
    static final int I32_WRAP_I64 = NUM + 0x62;
    static final int I32_TRUNC_F32_S = NUM + 0x63;
    static final int I32_TRUNC_F32_U = NUM + 0x64;
    static final int I32_TRUNC_F64_S = NUM + 0x65;
    static final int I32_TRUNC_F64_U = NUM + 0x66;
    static final int I64_EXTEND_I32_S = NUM + 0x67;
    static final int I64_EXTEND_I32_U = NUM + 0x68;
    static final int I64_TRUNC_F32_S = NUM + 0x69;
    static final int I64_TRUNC_F32_U = NUM + 0x6A;
    static final int I64_TRUNC_F64_S = NUM + 0x6B;
    static final int I64_TRUNC_F64_U = NUM + 0x6C;
    static final int F32_CONVERT_I32_S = NUM + 0x6D;
    static final int F32_CONVERT_I32_U = NUM + 0x6E;
    static final int F32_CONVERT_I64_S = NUM + 0x6F;
    static final int F32_CONVERT_I64_U = NUM + 0x70;
    static final int F32_DEMOTE_F64 = NUM + 0x71;
    static final int F64_CONVERT_I32_S = NUM + 0x72;
    static final int F64_CONVERT_I32_U = NUM + 0x73;
    static final int F64_CONVERT_I64_S = NUM + 0x74;
    static final int F64_CONVERT_I64_U = NUM + 0x75;
    static final int F64_PROMOTE_F32 = NUM + 0x76;
    static final int I32_REINTERPRET_F32 = NUM + 0x77;
    static final int I64_REINTERPRET_F64 = NUM + 0x78;
    static final int F32_REINTERPRET_I32 = NUM + 0x79;
    static final int F64_REINTERPRET_I64 = NUM + 0x7A;
    static final int I32_EXTEND8_S = NUM + 0x7B;
    static final int I32_EXTEND16_S = NUM + 0x7C;
    static final int I64_EXTEND8_S = NUM + 0x7D;
    static final int I64_EXTEND16_S = NUM + 0x7E;
    static final int I64_EXTEND32_S = NUM + 0x7F;

    // MEM + k: loads and stores, in opcode order
    static final int I32_LOAD = MEM + 0x00;
    static final int I64_LOAD = MEM + 0x01;
    static final int F32_LOAD = MEM + 0x02;
    static final int F64_LOAD = MEM + 0x03;
    static final int I32_LOAD8_S = MEM + 0x04;
    static final int I32_LOAD8_U = MEM + 0x05;
    static final int I32_LOAD16_S = MEM + 0x06;
    static final int I32_LOAD16_U = MEM + 0x07;
    static final int I64_LOAD8_S = MEM + 0x08;
    static final int I64_LOAD8_U = MEM + 0x09;
    static final int I64_LOAD16_S = MEM + 0x0A;
    static final int I64_LOAD16_U = MEM + 0x0B;
    static final int I64_LOAD32_S = MEM + 0x0C;
    static final int I64_LOAD32_U = MEM + 0x0D;
    static final int I32_STORE = MEM + 0x0E;
    static final int I64_STORE = MEM + 0x0F;
    static final int F32_STORE = MEM + 0x10;
    static final int F64_STORE = MEM + 0x11;
    static final int I32_STORE8 = MEM + 0x12;
    static final int I32_STORE16 = MEM + 0x13;
    static final int I64_STORE8 = MEM + 0x14;
    static final int I64_STORE16 = MEM + 0x15;
    static final int I64_STORE32 = MEM + 0x16;

    // SEL_I32_EQ + k: i32 compare fused with a select
    static final int SEL_I32_NE = SEL_I32_EQ + 1;
    static final int SEL_I32_LT_S = SEL_I32_EQ + 2;
    static final int SEL_I32_LT_U = SEL_I32_EQ + 3;
    static final int SEL_I32_GT_S = SEL_I32_EQ + 4;
    static final int SEL_I32_GT_U = SEL_I32_EQ + 5;

    // LOAD_ADD + k: i32.add folded into a load address
    static final int ADD_I32_LOAD = LOAD_ADD + 0;
    static final int ADD_I64_LOAD = LOAD_ADD + 1;
    static final int ADD_F32_LOAD = LOAD_ADD + 2;
    static final int ADD_F64_LOAD = LOAD_ADD + 3;
    static final int ADD_I32_LOAD8_S = LOAD_ADD + 4;
    static final int ADD_I32_LOAD8_U = LOAD_ADD + 5;
    static final int ADD_I32_LOAD16_S = LOAD_ADD + 6;
    static final int ADD_I32_LOAD16_U = LOAD_ADD + 7;

    // ADD_CMP_BR + k: i32.add fused with a compare and branch
    static final int ADD_BR_I32_EQ = ADD_CMP_BR + 0;
    static final int ADD_BR_I32_NE = ADD_CMP_BR + 1;
    static final int ADD_BR_I32_LT_S = ADD_CMP_BR + 2;
    static final int ADD_BR_I32_LT_U = ADD_CMP_BR + 3;
    static final int ADD_BR_I32_GT_S = ADD_CMP_BR + 4;
    static final int ADD_BR_I32_GT_U = ADD_CMP_BR + 5;

    // STORE_ADD + k: i32.add folded into a store address
    static final int ADD_I32_STORE = STORE_ADD + 0;
    static final int ADD_I64_STORE = STORE_ADD + 1;
    static final int ADD_F32_STORE = STORE_ADD + 2;
    static final int ADD_F64_STORE = STORE_ADD + 3;
    static final int ADD_I32_STORE8 = STORE_ADD + 4;

    // TRUNC_SAT + k: saturating truncations (0xFC prefix)
    static final int I32_TRUNC_SAT_F32_S = TRUNC_SAT + 0;
    static final int I32_TRUNC_SAT_F32_U = TRUNC_SAT + 1;
    static final int I32_TRUNC_SAT_F64_S = TRUNC_SAT + 2;
    static final int I32_TRUNC_SAT_F64_U = TRUNC_SAT + 3;
    static final int I64_TRUNC_SAT_F32_S = TRUNC_SAT + 4;
    static final int I64_TRUNC_SAT_F32_U = TRUNC_SAT + 5;
    static final int I64_TRUNC_SAT_F64_S = TRUNC_SAT + 6;
    static final int I64_TRUNC_SAT_F64_U = TRUNC_SAT + 7;

    // SIMD + k: SIMD ops by sub-opcode (0xFD prefix)
    static final int V128_LOAD = SIMD + 0x00;
    static final int V128_LOAD8X8_S = SIMD + 0x01;
    static final int V128_LOAD8X8_U = SIMD + 0x02;
    static final int V128_LOAD16X4_S = SIMD + 0x03;
    static final int V128_LOAD16X4_U = SIMD + 0x04;
    static final int V128_LOAD32X2_S = SIMD + 0x05;
    static final int V128_LOAD32X2_U = SIMD + 0x06;
    static final int V128_LOAD8_SPLAT = SIMD + 0x07;
    static final int V128_LOAD16_SPLAT = SIMD + 0x08;
    static final int V128_LOAD32_SPLAT = SIMD + 0x09;
    static final int V128_LOAD64_SPLAT = SIMD + 0x0A;
    static final int V128_STORE = SIMD + 0x0B;
    static final int V128_CONST = SIMD + 0x0C;
    static final int I8X16_SHUFFLE = SIMD + 0x0D;
    static final int I8X16_SWIZZLE = SIMD + 0x0E;
    static final int I8X16_SPLAT = SIMD + 0x0F;
    static final int I16X8_SPLAT = SIMD + 0x10;
    static final int I32X4_SPLAT = SIMD + 0x11;
    static final int I64X2_SPLAT = SIMD + 0x12;
    static final int F32X4_SPLAT = SIMD + 0x13;
    static final int F64X2_SPLAT = SIMD + 0x14;
    static final int I8X16_EXTRACT_LANE_S = SIMD + 0x15;
    static final int I8X16_EXTRACT_LANE_U = SIMD + 0x16;
    static final int I8X16_REPLACE_LANE = SIMD + 0x17;
    static final int I16X8_EXTRACT_LANE_S = SIMD + 0x18;
    static final int I16X8_EXTRACT_LANE_U = SIMD + 0x19;
    static final int I16X8_REPLACE_LANE = SIMD + 0x1A;
    static final int I32X4_EXTRACT_LANE = SIMD + 0x1B;
    static final int I32X4_REPLACE_LANE = SIMD + 0x1C;
    static final int I64X2_EXTRACT_LANE = SIMD + 0x1D;
    static final int I64X2_REPLACE_LANE = SIMD + 0x1E;
    static final int F32X4_EXTRACT_LANE = SIMD + 0x1F;
    static final int F32X4_REPLACE_LANE = SIMD + 0x20;
    static final int F64X2_EXTRACT_LANE = SIMD + 0x21;
    static final int F64X2_REPLACE_LANE = SIMD + 0x22;
    static final int I8X16_EQ = SIMD + 0x23;
    static final int I8X16_NE = SIMD + 0x24;
    static final int I8X16_LT_S = SIMD + 0x25;
    static final int I8X16_LT_U = SIMD + 0x26;
    static final int I8X16_GT_S = SIMD + 0x27;
    static final int I8X16_GT_U = SIMD + 0x28;
    static final int I8X16_LE_S = SIMD + 0x29;
    static final int I8X16_LE_U = SIMD + 0x2A;
    static final int I8X16_GE_S = SIMD + 0x2B;
    static final int I8X16_GE_U = SIMD + 0x2C;
    static final int I16X8_EQ = SIMD + 0x2D;
    static final int I16X8_NE = SIMD + 0x2E;
    static final int I16X8_LT_S = SIMD + 0x2F;
    static final int I16X8_LT_U = SIMD + 0x30;
    static final int I16X8_GT_S = SIMD + 0x31;
    static final int I16X8_GT_U = SIMD + 0x32;
    static final int I16X8_LE_S = SIMD + 0x33;
    static final int I16X8_LE_U = SIMD + 0x34;
    static final int I16X8_GE_S = SIMD + 0x35;
    static final int I16X8_GE_U = SIMD + 0x36;
    static final int I32X4_EQ = SIMD + 0x37;
    static final int I32X4_NE = SIMD + 0x38;
    static final int I32X4_LT_S = SIMD + 0x39;
    static final int I32X4_LT_U = SIMD + 0x3A;
    static final int I32X4_GT_S = SIMD + 0x3B;
    static final int I32X4_GT_U = SIMD + 0x3C;
    static final int I32X4_LE_S = SIMD + 0x3D;
    static final int I32X4_LE_U = SIMD + 0x3E;
    static final int I32X4_GE_S = SIMD + 0x3F;
    static final int I32X4_GE_U = SIMD + 0x40;
    static final int F32X4_EQ = SIMD + 0x41;
    static final int F32X4_NE = SIMD + 0x42;
    static final int F32X4_LT = SIMD + 0x43;
    static final int F32X4_GT = SIMD + 0x44;
    static final int F32X4_LE = SIMD + 0x45;
    static final int F32X4_GE = SIMD + 0x46;
    static final int F64X2_EQ = SIMD + 0x47;
    static final int F64X2_NE = SIMD + 0x48;
    static final int F64X2_LT = SIMD + 0x49;
    static final int F64X2_GT = SIMD + 0x4A;
    static final int F64X2_LE = SIMD + 0x4B;
    static final int F64X2_GE = SIMD + 0x4C;
    static final int V128_NOT = SIMD + 0x4D;
    static final int V128_AND = SIMD + 0x4E;
    static final int V128_ANDNOT = SIMD + 0x4F;
    static final int V128_OR = SIMD + 0x50;
    static final int V128_XOR = SIMD + 0x51;
    static final int V128_BITSELECT = SIMD + 0x52;
    static final int V128_ANY_TRUE = SIMD + 0x53;
    static final int V128_LOAD8_LANE = SIMD + 0x54;
    static final int V128_LOAD16_LANE = SIMD + 0x55;
    static final int V128_LOAD32_LANE = SIMD + 0x56;
    static final int V128_LOAD64_LANE = SIMD + 0x57;
    static final int V128_STORE8_LANE = SIMD + 0x58;
    static final int V128_STORE16_LANE = SIMD + 0x59;
    static final int V128_STORE32_LANE = SIMD + 0x5A;
    static final int V128_STORE64_LANE = SIMD + 0x5B;
    static final int V128_LOAD32_ZERO = SIMD + 0x5C;
    static final int V128_LOAD64_ZERO = SIMD + 0x5D;
    static final int F32X4_DEMOTE_F64X2_ZERO = SIMD + 0x5E;
    static final int F64X2_PROMOTE_LOW_F32X4 = SIMD + 0x5F;
    static final int I8X16_ABS = SIMD + 0x60;
    static final int I8X16_NEG = SIMD + 0x61;
    static final int I8X16_POPCNT = SIMD + 0x62;
    static final int I8X16_ALL_TRUE = SIMD + 0x63;
    static final int I8X16_BITMASK = SIMD + 0x64;
    static final int I8X16_NARROW_I16X8_S = SIMD + 0x65;
    static final int I8X16_NARROW_I16X8_U = SIMD + 0x66;
    static final int F32X4_CEIL = SIMD + 0x67;
    static final int F32X4_FLOOR = SIMD + 0x68;
    static final int F32X4_TRUNC = SIMD + 0x69;
    static final int F32X4_NEAREST = SIMD + 0x6A;
    static final int I8X16_SHL = SIMD + 0x6B;
    static final int I8X16_SHR_S = SIMD + 0x6C;
    static final int I8X16_SHR_U = SIMD + 0x6D;
    static final int I8X16_ADD = SIMD + 0x6E;
    static final int I8X16_ADD_SAT_S = SIMD + 0x6F;
    static final int I8X16_ADD_SAT_U = SIMD + 0x70;
    static final int I8X16_SUB = SIMD + 0x71;
    static final int I8X16_SUB_SAT_S = SIMD + 0x72;
    static final int I8X16_SUB_SAT_U = SIMD + 0x73;
    static final int F64X2_CEIL = SIMD + 0x74;
    static final int F64X2_FLOOR = SIMD + 0x75;
    static final int I8X16_MIN_S = SIMD + 0x76;
    static final int I8X16_MIN_U = SIMD + 0x77;
    static final int I8X16_MAX_S = SIMD + 0x78;
    static final int I8X16_MAX_U = SIMD + 0x79;
    static final int F64X2_TRUNC = SIMD + 0x7A;
    static final int I8X16_AVGR_U = SIMD + 0x7B;
    static final int I16X8_EXTADD_PAIRWISE_I8X16_S = SIMD + 0x7C;
    static final int I16X8_EXTADD_PAIRWISE_I8X16_U = SIMD + 0x7D;
    static final int I32X4_EXTADD_PAIRWISE_I16X8_S = SIMD + 0x7E;
    static final int I32X4_EXTADD_PAIRWISE_I16X8_U = SIMD + 0x7F;
    static final int I16X8_ABS = SIMD + 0x80;
    static final int I16X8_NEG = SIMD + 0x81;
    static final int I16X8_Q15MULR_SAT_S = SIMD + 0x82;
    static final int I16X8_ALL_TRUE = SIMD + 0x83;
    static final int I16X8_BITMASK = SIMD + 0x84;
    static final int I16X8_NARROW_I32X4_S = SIMD + 0x85;
    static final int I16X8_NARROW_I32X4_U = SIMD + 0x86;
    static final int I16X8_EXTEND_LOW_I8X16_S = SIMD + 0x87;
    static final int I16X8_EXTEND_HIGH_I8X16_S = SIMD + 0x88;
    static final int I16X8_EXTEND_LOW_I8X16_U = SIMD + 0x89;
    static final int I16X8_EXTEND_HIGH_I8X16_U = SIMD + 0x8A;
    static final int I16X8_SHL = SIMD + 0x8B;
    static final int I16X8_SHR_S = SIMD + 0x8C;
    static final int I16X8_SHR_U = SIMD + 0x8D;
    static final int I16X8_ADD = SIMD + 0x8E;
    static final int I16X8_ADD_SAT_S = SIMD + 0x8F;
    static final int I16X8_ADD_SAT_U = SIMD + 0x90;
    static final int I16X8_SUB = SIMD + 0x91;
    static final int I16X8_SUB_SAT_S = SIMD + 0x92;
    static final int I16X8_SUB_SAT_U = SIMD + 0x93;
    static final int F64X2_NEAREST = SIMD + 0x94;
    static final int I16X8_MUL = SIMD + 0x95;
    static final int I16X8_MIN_S = SIMD + 0x96;
    static final int I16X8_MIN_U = SIMD + 0x97;
    static final int I16X8_MAX_S = SIMD + 0x98;
    static final int I16X8_MAX_U = SIMD + 0x99;
    static final int I16X8_AVGR_U = SIMD + 0x9B;
    static final int I16X8_EXTMUL_LOW_I8X16_S = SIMD + 0x9C;
    static final int I16X8_EXTMUL_HIGH_I8X16_S = SIMD + 0x9D;
    static final int I16X8_EXTMUL_LOW_I8X16_U = SIMD + 0x9E;
    static final int I16X8_EXTMUL_HIGH_I8X16_U = SIMD + 0x9F;
    static final int I32X4_ABS = SIMD + 0xA0;
    static final int I32X4_NEG = SIMD + 0xA1;
    static final int I32X4_ALL_TRUE = SIMD + 0xA3;
    static final int I32X4_BITMASK = SIMD + 0xA4;
    static final int I32X4_EXTEND_LOW_I16X8_S = SIMD + 0xA7;
    static final int I32X4_EXTEND_HIGH_I16X8_S = SIMD + 0xA8;
    static final int I32X4_EXTEND_LOW_I16X8_U = SIMD + 0xA9;
    static final int I32X4_EXTEND_HIGH_I16X8_U = SIMD + 0xAA;
    static final int I32X4_SHL = SIMD + 0xAB;
    static final int I32X4_SHR_S = SIMD + 0xAC;
    static final int I32X4_SHR_U = SIMD + 0xAD;
    static final int I32X4_ADD = SIMD + 0xAE;
    static final int I32X4_SUB = SIMD + 0xB1;
    static final int I32X4_MUL = SIMD + 0xB5;
    static final int I32X4_MIN_S = SIMD + 0xB6;
    static final int I32X4_MIN_U = SIMD + 0xB7;
    static final int I32X4_MAX_S = SIMD + 0xB8;
    static final int I32X4_MAX_U = SIMD + 0xB9;
    static final int I32X4_DOT_I16X8_S = SIMD + 0xBA;
    static final int I32X4_EXTMUL_LOW_I16X8_S = SIMD + 0xBC;
    static final int I32X4_EXTMUL_HIGH_I16X8_S = SIMD + 0xBD;
    static final int I32X4_EXTMUL_LOW_I16X8_U = SIMD + 0xBE;
    static final int I32X4_EXTMUL_HIGH_I16X8_U = SIMD + 0xBF;
    static final int I64X2_ABS = SIMD + 0xC0;
    static final int I64X2_NEG = SIMD + 0xC1;
    static final int I64X2_ALL_TRUE = SIMD + 0xC3;
    static final int I64X2_BITMASK = SIMD + 0xC4;
    static final int I64X2_EXTEND_LOW_I32X4_S = SIMD + 0xC7;
    static final int I64X2_EXTEND_HIGH_I32X4_S = SIMD + 0xC8;
    static final int I64X2_EXTEND_LOW_I32X4_U = SIMD + 0xC9;
    static final int I64X2_EXTEND_HIGH_I32X4_U = SIMD + 0xCA;
    static final int I64X2_SHL = SIMD + 0xCB;
    static final int I64X2_SHR_S = SIMD + 0xCC;
    static final int I64X2_SHR_U = SIMD + 0xCD;
    static final int I64X2_ADD = SIMD + 0xCE;
    static final int I64X2_SUB = SIMD + 0xD1;
    static final int I64X2_MUL = SIMD + 0xD5;
    static final int I64X2_EQ = SIMD + 0xD6;
    static final int I64X2_NE = SIMD + 0xD7;
    static final int I64X2_LT_S = SIMD + 0xD8;
    static final int I64X2_GT_S = SIMD + 0xD9;
    static final int I64X2_LE_S = SIMD + 0xDA;
    static final int I64X2_GE_S = SIMD + 0xDB;
    static final int I64X2_EXTMUL_LOW_I32X4_S = SIMD + 0xDC;
    static final int I64X2_EXTMUL_HIGH_I32X4_S = SIMD + 0xDD;
    static final int I64X2_EXTMUL_LOW_I32X4_U = SIMD + 0xDE;
    static final int I64X2_EXTMUL_HIGH_I32X4_U = SIMD + 0xDF;
    static final int F32X4_ABS = SIMD + 0xE0;
    static final int F32X4_NEG = SIMD + 0xE1;
    static final int F32X4_SQRT = SIMD + 0xE3;
    static final int F32X4_ADD = SIMD + 0xE4;
    static final int F32X4_SUB = SIMD + 0xE5;
    static final int F32X4_MUL = SIMD + 0xE6;
    static final int F32X4_DIV = SIMD + 0xE7;
    static final int F32X4_MIN = SIMD + 0xE8;
    static final int F32X4_MAX = SIMD + 0xE9;
    static final int F32X4_PMIN = SIMD + 0xEA;
    static final int F32X4_PMAX = SIMD + 0xEB;
    static final int F64X2_ABS = SIMD + 0xEC;
    static final int F64X2_NEG = SIMD + 0xED;
    static final int F64X2_SQRT = SIMD + 0xEF;
    static final int F64X2_ADD = SIMD + 0xF0;
    static final int F64X2_SUB = SIMD + 0xF1;
    static final int F64X2_MUL = SIMD + 0xF2;
    static final int F64X2_DIV = SIMD + 0xF3;
    static final int F64X2_MIN = SIMD + 0xF4;
    static final int F64X2_MAX = SIMD + 0xF5;
    static final int F64X2_PMIN = SIMD + 0xF6;
    static final int F64X2_PMAX = SIMD + 0xF7;
    static final int I32X4_TRUNC_SAT_F32X4_S = SIMD + 0xF8;
    static final int I32X4_TRUNC_SAT_F32X4_U = SIMD + 0xF9;
    static final int F32X4_CONVERT_I32X4_S = SIMD + 0xFA;
    static final int F32X4_CONVERT_I32X4_U = SIMD + 0xFB;
    static final int I32X4_TRUNC_SAT_F64X2_S_ZERO = SIMD + 0xFC;
    static final int I32X4_TRUNC_SAT_F64X2_U_ZERO = SIMD + 0xFD;
    static final int F64X2_CONVERT_LOW_I32X4_S = SIMD + 0xFE;
    static final int F64X2_CONVERT_LOW_I32X4_U = SIMD + 0xFF;

    static long word(int op, int a, int b, int c) {
        return (op & 0x3FFL) | (long) a << 10 | (long) b << 28 | (long) c << 46;
    }
}
