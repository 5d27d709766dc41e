package dev.gatun;

import java.util.Map;

/**
 * What tier 2 did with a module's defined functions ({@link Module#compileReport()}).
 *
 * @param functions          the module's defined functions (imports are not counted)
 * @param compiled           how many of them run as JVM bytecode
 * @param interpreted        the others that tier 2 cannot compile, by function index, each with why; with
 *                           {@link Tier#TIERED} a big module is compiled by its hot functions, and the ones
 *                           that have not got hot are in neither count
 * @param largestMethodBytes bytes of JVM code of the largest method of a compiled function (0 when none)
 * @param largestFuncidx     the function index of that function, -1 when none was compiled
 * @param split              how many of the compiled functions are too big for one JVM method and run as several
 */
public record CompileReport(int functions, int compiled, Map<Integer, String> interpreted,
                            int largestMethodBytes, int largestFuncidx, int split) {
    public CompileReport {
        interpreted = Map.copyOf(interpreted);
    }
}
