package dev.gatun.bench.compare;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * GraalWasm in a fork of its own: Truffle's jars on the module path, and the Graal compiler on the upgrade
 * module path with JVMCI enabled, which is what lets Truffle compile Wasm functions on a stock JDK. Without
 * the compiler Truffle falls back to interpreting; setup records which runtime ran for the report. Paths are
 * relative to the repository root, where scripts/bench-compare runs JMH (the build copies the jars there).
 * Truffle compiles in the background after a function has run a while, so the quick profile warms it up
 * longer than the other engines.
 */
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xss16m",
        "--enable-native-access=ALL-UNNAMED,org.graalvm.truffle",
        "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
        "--upgrade-module-path=bench/target/graal/upgrade",
        "--module-path=bench/target/graal/modules", "--add-modules=ALL-MODULE-PATH"})
public class GraalWasmCompare extends CompareBenchmark {
    /** The only engine here, so no engine parameter: a {@code -p engine=...} meant for WasmCompare leaves this class alone. */
    @Override
    protected String engine() { return "graalwasm"; }
}
