package dev.gatun.bench.compare;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What fuel metering costs: the harness's kernels on each Gatun tier with and without
 * {@code Module.withFuelMetering()} (target: at most 10 % slower metered; unmetered code has no fuel
 * accounting at all, so the plain rows are the baseline). Run with {@code scripts/bench FuelOverhead}.
 */
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xss16m"})
public class FuelOverhead extends CompareBenchmark {
    @Param({"gatun-interpreter", "gatun-interpreter-fuel", "gatun-compiler", "gatun-compiler-fuel"})
    public String engine;

    @Override
    protected String engine() { return engine; }
}
