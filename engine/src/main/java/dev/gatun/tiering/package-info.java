/**
 * When code runs in which tier (not exported): {@link dev.gatun.tiering.CodeCache}, one per
 * {@code dev.gatun.Module}, translates bodies for the interpreter on first call and, by the module's tier,
 * compiles it on first instantiation ({@code COMPILER}) or in the background once the interpreter has seen
 * enough work ({@code TIERED}, {@code -Dgatun.tiered.threshold}), then switches every registered
 * instance's functions to the compiled code. The interpreter sees it through
 * {@link dev.gatun.interpreter.ModuleCode}.
 */
package dev.gatun.tiering;
