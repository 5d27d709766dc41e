/** SIMD kernels over the register file: a v128 is two adjacent long slots, low half first. */
package dev.gatun.vector;
