/**
 * When code runs in which tier (not exported): {@link dev.gatun.tiering.CodeCache}, one per
 * {@code dev.gatun.Module}, translates bodies for the interpreter on first call and, by the module's tier,
 * compiles it on first instantiation ({@code COMPILER}) or on background threads once the interpreter has
 * seen enough work ({@code TIERED}): a small module as a whole ({@code -Dgatun.tiered.threshold}), a big
 * one by its hot functions, batch by batch ({@link dev.gatun.tiering.HotFunctions}); then switches every
 * registered instance's functions to the compiled code. The interpreter sees it through
 * {@link dev.gatun.interpreter.ModuleCode}.
 */
package dev.gatun.tiering;
