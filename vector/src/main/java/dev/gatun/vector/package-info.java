/**
 * Kernels for every fixed-width SIMD instruction of Wasm 2.0 (the 0xFD prefix) and the relaxed SIMD
 * instructions of Wasm 3.0.
 *
 * <p>Relaxed SIMD, deterministic profile: each relaxed instruction makes one fixed choice among the results
 * the spec allows, the same on every CPU and in both tiers (they call the same kernels in {@link Relaxed}):
 * relaxed_swizzle is swizzle (out-of-range index: 0); relaxed_trunc is trunc_sat (NaN: 0, saturating);
 * relaxed_madd is fused ({@code fma(a, b, c)}, one rounding), relaxed_nmadd {@code fma(-a, b, c)};
 * relaxed_laneselect is bitselect; relaxed_min/max are min/max (NaN-propagating, -0 below +0);
 * relaxed_q15mulr_s is q15mulr_sat_s (saturating); the relaxed dot products read the second operand's bytes
 * as signed and wrap each 16-bit pair sum (the i32 variant then adds with 32-bit wrapping).
 *
 * <p>Register-file contract: a v128 occupies {@code regs[r]} (bytes 0..7, little-endian, so lane 0 of
 * i8x16 is the low byte) and {@code regs[r + 1]} (bytes 8..15). Scalars: i32 is the int value
 * sign-extended, i64 as is, f32 is {@code floatToRawIntBits} sign-extended, f64 the raw long bits.
 * Every parameter named {@code dst}, {@code a}, {@code b}, {@code c}, {@code src}, {@code vec} is an
 * absolute register index. {@code dst} may alias any operand: every kernel reads all its operands
 * before it writes.
 *
 * <p>Kernel naming: one class per lane shape (the relaxed instructions in {@link Relaxed}) ({@link V128} for the shapeless bitwise and memory
 * instructions, {@link I8x16}, {@link I16x8}, {@link I32x4}, {@link I64x2}, {@link F32x4}, {@link F64x2}),
 * the method named as the Wasm instruction with '.' replaced by '_' ({@code i8x16.add} is
 * {@code I8x16.i8x16_add}, {@code v128.load8x8_s} is {@code V128.v128_load8x8_s}); {@link Kernels#owner} finds
 * the class from the name. Signatures by family:
 * <ul>
 *   <li>unary {@code (regs, dst, a)}, binary {@code (regs, dst, a, b)}, bitselect {@code (regs, dst, a, b, c)};
 *   <li>shifts {@code (regs, dst, a, b)} with {@code b} the i32 count register;
 *   <li>splat {@code (regs, dst, a)} with {@code a} a scalar register; extract_lane {@code (regs, dst, a, lane)}
 *       writes a scalar; replace_lane {@code (regs, dst, a, b, lane)} with {@code b} the scalar;
 *   <li>any_true / all_true / bitmask write an i32 to {@code regs[dst]};
 *   <li>i8x16.shuffle {@code (regs, dst, a, b, ShufflePlan)} with the plan built once by {@link I8x16#shufflePlan};
 *   <li>memory {@code (regs, dst, mem, ea)}, lane loads {@code (regs, dst, vec, mem, ea, lane)}, stores
 *       {@code (regs, src, mem, ea)} and lane stores {@code (regs, src, mem, ea, lane)}. {@code mem} is the
 *       accessible memory (its byteSize is the bound) and {@code ea} the effective address; an access not
 *       entirely in range throws {@link IndexOutOfBoundsException} before anything is read into the
 *       registers or written to memory.
 * </ul>
 *
 * <p>Vectors never escape a kernel: each loads its operands with {@code LongVector.fromArray}, views them
 * with {@code reinterpretAs*}, and stores the result with {@code intoArray}. Lane access works directly
 * on the two longs. Bitwise ops, splats and v128.load/store go through one 128-bit vector access too: two
 * 64-bit stores followed by the next kernel's 128-bit load of the same register defeat store-to-load
 * forwarding (about 6 ns per instruction in the interpreter, measured), which costs far more than the round trip.
 */
package dev.gatun.vector;
