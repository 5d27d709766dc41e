package dev.gatun.vector;

/**
 * Names of the fixed-width SIMD instructions by their 0xFD sub-opcode (Wasm 2.0 binary format,
 * relaxed SIMD excluded). The kernel for a name is the {@link Simd} method with '.' replaced by '_',
 * except {@code v128.const}, which the translator materializes itself.
 */
public final class SimdOpcodes {
    /** Number of defined sub-opcodes (0x00..0xFF minus the 20 reserved gaps). */
    public static final int COUNT = 236;

    private static final String[] N = new String[256];

    static {
        N[0x00] = "v128.load";
        N[0x01] = "v128.load8x8_s";
        N[0x02] = "v128.load8x8_u";
        N[0x03] = "v128.load16x4_s";
        N[0x04] = "v128.load16x4_u";
        N[0x05] = "v128.load32x2_s";
        N[0x06] = "v128.load32x2_u";
        N[0x07] = "v128.load8_splat";
        N[0x08] = "v128.load16_splat";
        N[0x09] = "v128.load32_splat";
        N[0x0A] = "v128.load64_splat";
        N[0x0B] = "v128.store";
        N[0x0C] = "v128.const";
        N[0x0D] = "i8x16.shuffle";
        N[0x0E] = "i8x16.swizzle";
        N[0x0F] = "i8x16.splat";
        N[0x10] = "i16x8.splat";
        N[0x11] = "i32x4.splat";
        N[0x12] = "i64x2.splat";
        N[0x13] = "f32x4.splat";
        N[0x14] = "f64x2.splat";
        N[0x15] = "i8x16.extract_lane_s";
        N[0x16] = "i8x16.extract_lane_u";
        N[0x17] = "i8x16.replace_lane";
        N[0x18] = "i16x8.extract_lane_s";
        N[0x19] = "i16x8.extract_lane_u";
        N[0x1A] = "i16x8.replace_lane";
        N[0x1B] = "i32x4.extract_lane";
        N[0x1C] = "i32x4.replace_lane";
        N[0x1D] = "i64x2.extract_lane";
        N[0x1E] = "i64x2.replace_lane";
        N[0x1F] = "f32x4.extract_lane";
        N[0x20] = "f32x4.replace_lane";
        N[0x21] = "f64x2.extract_lane";
        N[0x22] = "f64x2.replace_lane";
        N[0x23] = "i8x16.eq";
        N[0x24] = "i8x16.ne";
        N[0x25] = "i8x16.lt_s";
        N[0x26] = "i8x16.lt_u";
        N[0x27] = "i8x16.gt_s";
        N[0x28] = "i8x16.gt_u";
        N[0x29] = "i8x16.le_s";
        N[0x2A] = "i8x16.le_u";
        N[0x2B] = "i8x16.ge_s";
        N[0x2C] = "i8x16.ge_u";
        N[0x2D] = "i16x8.eq";
        N[0x2E] = "i16x8.ne";
        N[0x2F] = "i16x8.lt_s";
        N[0x30] = "i16x8.lt_u";
        N[0x31] = "i16x8.gt_s";
        N[0x32] = "i16x8.gt_u";
        N[0x33] = "i16x8.le_s";
        N[0x34] = "i16x8.le_u";
        N[0x35] = "i16x8.ge_s";
        N[0x36] = "i16x8.ge_u";
        N[0x37] = "i32x4.eq";
        N[0x38] = "i32x4.ne";
        N[0x39] = "i32x4.lt_s";
        N[0x3A] = "i32x4.lt_u";
        N[0x3B] = "i32x4.gt_s";
        N[0x3C] = "i32x4.gt_u";
        N[0x3D] = "i32x4.le_s";
        N[0x3E] = "i32x4.le_u";
        N[0x3F] = "i32x4.ge_s";
        N[0x40] = "i32x4.ge_u";
        N[0x41] = "f32x4.eq";
        N[0x42] = "f32x4.ne";
        N[0x43] = "f32x4.lt";
        N[0x44] = "f32x4.gt";
        N[0x45] = "f32x4.le";
        N[0x46] = "f32x4.ge";
        N[0x47] = "f64x2.eq";
        N[0x48] = "f64x2.ne";
        N[0x49] = "f64x2.lt";
        N[0x4A] = "f64x2.gt";
        N[0x4B] = "f64x2.le";
        N[0x4C] = "f64x2.ge";
        N[0x4D] = "v128.not";
        N[0x4E] = "v128.and";
        N[0x4F] = "v128.andnot";
        N[0x50] = "v128.or";
        N[0x51] = "v128.xor";
        N[0x52] = "v128.bitselect";
        N[0x53] = "v128.any_true";
        N[0x54] = "v128.load8_lane";
        N[0x55] = "v128.load16_lane";
        N[0x56] = "v128.load32_lane";
        N[0x57] = "v128.load64_lane";
        N[0x58] = "v128.store8_lane";
        N[0x59] = "v128.store16_lane";
        N[0x5A] = "v128.store32_lane";
        N[0x5B] = "v128.store64_lane";
        N[0x5C] = "v128.load32_zero";
        N[0x5D] = "v128.load64_zero";
        N[0x5E] = "f32x4.demote_f64x2_zero";
        N[0x5F] = "f64x2.promote_low_f32x4";
        N[0x60] = "i8x16.abs";
        N[0x61] = "i8x16.neg";
        N[0x62] = "i8x16.popcnt";
        N[0x63] = "i8x16.all_true";
        N[0x64] = "i8x16.bitmask";
        N[0x65] = "i8x16.narrow_i16x8_s";
        N[0x66] = "i8x16.narrow_i16x8_u";
        N[0x67] = "f32x4.ceil";
        N[0x68] = "f32x4.floor";
        N[0x69] = "f32x4.trunc";
        N[0x6A] = "f32x4.nearest";
        N[0x6B] = "i8x16.shl";
        N[0x6C] = "i8x16.shr_s";
        N[0x6D] = "i8x16.shr_u";
        N[0x6E] = "i8x16.add";
        N[0x6F] = "i8x16.add_sat_s";
        N[0x70] = "i8x16.add_sat_u";
        N[0x71] = "i8x16.sub";
        N[0x72] = "i8x16.sub_sat_s";
        N[0x73] = "i8x16.sub_sat_u";
        N[0x74] = "f64x2.ceil";
        N[0x75] = "f64x2.floor";
        N[0x76] = "i8x16.min_s";
        N[0x77] = "i8x16.min_u";
        N[0x78] = "i8x16.max_s";
        N[0x79] = "i8x16.max_u";
        N[0x7A] = "f64x2.trunc";
        N[0x7B] = "i8x16.avgr_u";
        N[0x7C] = "i16x8.extadd_pairwise_i8x16_s";
        N[0x7D] = "i16x8.extadd_pairwise_i8x16_u";
        N[0x7E] = "i32x4.extadd_pairwise_i16x8_s";
        N[0x7F] = "i32x4.extadd_pairwise_i16x8_u";
        N[0x80] = "i16x8.abs";
        N[0x81] = "i16x8.neg";
        N[0x82] = "i16x8.q15mulr_sat_s";
        N[0x83] = "i16x8.all_true";
        N[0x84] = "i16x8.bitmask";
        N[0x85] = "i16x8.narrow_i32x4_s";
        N[0x86] = "i16x8.narrow_i32x4_u";
        N[0x87] = "i16x8.extend_low_i8x16_s";
        N[0x88] = "i16x8.extend_high_i8x16_s";
        N[0x89] = "i16x8.extend_low_i8x16_u";
        N[0x8A] = "i16x8.extend_high_i8x16_u";
        N[0x8B] = "i16x8.shl";
        N[0x8C] = "i16x8.shr_s";
        N[0x8D] = "i16x8.shr_u";
        N[0x8E] = "i16x8.add";
        N[0x8F] = "i16x8.add_sat_s";
        N[0x90] = "i16x8.add_sat_u";
        N[0x91] = "i16x8.sub";
        N[0x92] = "i16x8.sub_sat_s";
        N[0x93] = "i16x8.sub_sat_u";
        N[0x94] = "f64x2.nearest";
        N[0x95] = "i16x8.mul";
        N[0x96] = "i16x8.min_s";
        N[0x97] = "i16x8.min_u";
        N[0x98] = "i16x8.max_s";
        N[0x99] = "i16x8.max_u";
        N[0x9B] = "i16x8.avgr_u";
        N[0x9C] = "i16x8.extmul_low_i8x16_s";
        N[0x9D] = "i16x8.extmul_high_i8x16_s";
        N[0x9E] = "i16x8.extmul_low_i8x16_u";
        N[0x9F] = "i16x8.extmul_high_i8x16_u";
        N[0xA0] = "i32x4.abs";
        N[0xA1] = "i32x4.neg";
        N[0xA3] = "i32x4.all_true";
        N[0xA4] = "i32x4.bitmask";
        N[0xA7] = "i32x4.extend_low_i16x8_s";
        N[0xA8] = "i32x4.extend_high_i16x8_s";
        N[0xA9] = "i32x4.extend_low_i16x8_u";
        N[0xAA] = "i32x4.extend_high_i16x8_u";
        N[0xAB] = "i32x4.shl";
        N[0xAC] = "i32x4.shr_s";
        N[0xAD] = "i32x4.shr_u";
        N[0xAE] = "i32x4.add";
        N[0xB1] = "i32x4.sub";
        N[0xB5] = "i32x4.mul";
        N[0xB6] = "i32x4.min_s";
        N[0xB7] = "i32x4.min_u";
        N[0xB8] = "i32x4.max_s";
        N[0xB9] = "i32x4.max_u";
        N[0xBA] = "i32x4.dot_i16x8_s";
        N[0xBC] = "i32x4.extmul_low_i16x8_s";
        N[0xBD] = "i32x4.extmul_high_i16x8_s";
        N[0xBE] = "i32x4.extmul_low_i16x8_u";
        N[0xBF] = "i32x4.extmul_high_i16x8_u";
        N[0xC0] = "i64x2.abs";
        N[0xC1] = "i64x2.neg";
        N[0xC3] = "i64x2.all_true";
        N[0xC4] = "i64x2.bitmask";
        N[0xC7] = "i64x2.extend_low_i32x4_s";
        N[0xC8] = "i64x2.extend_high_i32x4_s";
        N[0xC9] = "i64x2.extend_low_i32x4_u";
        N[0xCA] = "i64x2.extend_high_i32x4_u";
        N[0xCB] = "i64x2.shl";
        N[0xCC] = "i64x2.shr_s";
        N[0xCD] = "i64x2.shr_u";
        N[0xCE] = "i64x2.add";
        N[0xD1] = "i64x2.sub";
        N[0xD5] = "i64x2.mul";
        N[0xD6] = "i64x2.eq";
        N[0xD7] = "i64x2.ne";
        N[0xD8] = "i64x2.lt_s";
        N[0xD9] = "i64x2.gt_s";
        N[0xDA] = "i64x2.le_s";
        N[0xDB] = "i64x2.ge_s";
        N[0xDC] = "i64x2.extmul_low_i32x4_s";
        N[0xDD] = "i64x2.extmul_high_i32x4_s";
        N[0xDE] = "i64x2.extmul_low_i32x4_u";
        N[0xDF] = "i64x2.extmul_high_i32x4_u";
        N[0xE0] = "f32x4.abs";
        N[0xE1] = "f32x4.neg";
        N[0xE3] = "f32x4.sqrt";
        N[0xE4] = "f32x4.add";
        N[0xE5] = "f32x4.sub";
        N[0xE6] = "f32x4.mul";
        N[0xE7] = "f32x4.div";
        N[0xE8] = "f32x4.min";
        N[0xE9] = "f32x4.max";
        N[0xEA] = "f32x4.pmin";
        N[0xEB] = "f32x4.pmax";
        N[0xEC] = "f64x2.abs";
        N[0xED] = "f64x2.neg";
        N[0xEF] = "f64x2.sqrt";
        N[0xF0] = "f64x2.add";
        N[0xF1] = "f64x2.sub";
        N[0xF2] = "f64x2.mul";
        N[0xF3] = "f64x2.div";
        N[0xF4] = "f64x2.min";
        N[0xF5] = "f64x2.max";
        N[0xF6] = "f64x2.pmin";
        N[0xF7] = "f64x2.pmax";
        N[0xF8] = "i32x4.trunc_sat_f32x4_s";
        N[0xF9] = "i32x4.trunc_sat_f32x4_u";
        N[0xFA] = "f32x4.convert_i32x4_s";
        N[0xFB] = "f32x4.convert_i32x4_u";
        N[0xFC] = "i32x4.trunc_sat_f64x2_s_zero";
        N[0xFD] = "i32x4.trunc_sat_f64x2_u_zero";
        N[0xFE] = "f64x2.convert_low_i32x4_s";
        N[0xFF] = "f64x2.convert_low_i32x4_u";
    }

    private SimdOpcodes() {}

    /** The immediates that follow a sub-opcode in the binary format. */
    public enum Immediates {
        /** None. */
        NONE,
        /** A memarg (align, offset). */
        MEMARG,
        /** A memarg, then a lane index byte (load/store lane). */
        MEMARG_LANE,
        /** A lane index byte (extract/replace lane). */
        LANE,
        /** 16 lane index bytes, each below 32 (i8x16.shuffle). */
        SHUFFLE,
        /** 16 bytes of constant (v128.const). */
        CONST
    }

    /** The immediates of a sub-opcode (NONE for undefined sub-opcodes too). */
    public static Immediates immediates(int subop) {
        if (subop >= 0x00 && subop <= 0x0B || subop == 0x5C || subop == 0x5D) return Immediates.MEMARG;
        if (subop == 0x0C) return Immediates.CONST;
        if (subop == 0x0D) return Immediates.SHUFFLE;
        if (subop >= 0x15 && subop <= 0x22) return Immediates.LANE;
        if (subop >= 0x54 && subop <= 0x5B) return Immediates.MEMARG_LANE;
        return Immediates.NONE;
    }

    /** For LANE and MEMARG_LANE ops: the number of lanes (a lane immediate must be below it), else 0. */
    public static int laneCount(int subop) {
        return switch (immediates(subop)) {
            case LANE -> switch (name(subop).substring(0, 5)) {
                case "i8x16" -> 16;
                case "i16x8" -> 8;
                case "i32x4", "f32x4" -> 4;
                default -> 2;
            };
            case MEMARG_LANE -> 16 >> ((subop - 0x54) & 3);
            default -> 0;
        };
    }

    /** For memory ops: log2 of the natural alignment (the largest valid align immediate), else -1. */
    public static int maxAlignLog2(int subop) {
        return switch (subop) {
            case 0x00, 0x0B -> 4;
            case 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0A, 0x5D -> 3;
            case 0x07 -> 0;
            case 0x08 -> 1;
            case 0x09, 0x5C -> 2;
            case 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5A, 0x5B -> (subop - 0x54) & 3;
            default -> -1;
        };
    }

    /** The instruction name for a sub-opcode, or null if the sub-opcode is not a fixed-width SIMD op. */
    public static String name(int subop) {
        return subop >= 0 && subop < N.length ? N[subop] : null;
    }

    /** The sub-opcode of an instruction name (e.g. "i8x16.add" gives 0x6E), or -1. */
    public static int subop(String name) {
        for (int i = 0; i < N.length; i++) {
            if (name.equals(N[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The {@link Simd} kernel name for a sub-opcode ('.' replaced by '_'), or null. */
    public static String kernelName(int subop) {
        String n = name(subop);
        return n == null ? null : n.replace('.', '_');
    }
}
