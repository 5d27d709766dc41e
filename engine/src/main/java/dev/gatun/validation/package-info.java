/**
 * Validation (not exported): the module-level checks ({@link dev.gatun.validation.Validator}) and the
 * spec's operand/control-stack algorithm per body ({@link dev.gatun.validation.FunctionValidator}), which
 * takes fixed operand and result types, alignments and lane counts from the instruction table.
 * Decoding ends here: what passes is a valid {@link dev.gatun.model.WasmModule}.
 */
package dev.gatun.validation;
