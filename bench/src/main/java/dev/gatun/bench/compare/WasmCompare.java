package dev.gatun.bench.compare;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engines that run on the plain class path: Gatun's tiers, Chicory, Endive and native C. The iteration
 * counts are the quick profile's; scripts/bench-compare --full overrides them on the command line.
 */
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xss16m"})
public class WasmCompare extends CompareBenchmark {
    @Param({"gatun", "gatun-interpreter", "chicory", "endive", "native"})
    public String engine;

    @Override
    protected String engine() { return engine; }
}
