package dev.gatun.cli;

import dev.gatun.WasmVersion;

import dev.gatun.conformance.Conformance;
import dev.gatun.conformance.Tally;
import dev.gatun.conformance.Targets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gatun wast PATH...}: run spec scripts (.wast, or wast2json output). */
@Command(name = "wast", description = {
        "Run WebAssembly spec scripts: .wast files, or their wast2json conversion (.json).",
        "Prints one line per script and last: N passed, N failed, N skipped."})
final class WastCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "1..*", description = "JSON scripts or directories (searched recursively)")
    List<Path> paths;

    @Option(names = {"-v", "--verbose"}, description = "print every failure and skip with file:line and reason")
    boolean verbose;

    @Option(names = "--tier", paramLabel = "TIER", description = "interpreter, compiler or tiered (default: -Dgatun.tier, else tiered)")
    String tier;

    @Option(names = "--wasm", paramLabel = "VERSION", description = "2.0 or 3.0: the spec rules modules are decoded by"
            + " (default: 2.0 when all scripts are wast2json .json output, as the 2.0 suite is, else 3.0)")
    String wasm;

    @Option(names = "--list-passing", description = "also list the scripts that pass fully (for expected-pass.txt)")
    boolean listPassing;

    @Override
    public Integer call() {
        List<Path> files;
        try {
            files = Conformance.collect(paths);
        } catch (NoSuchFileException e) {
            throw new Cli.Failure(Cli.EXIT_USAGE, "no such file or directory: " + e.getMessage());
        } catch (IOException e) {
            throw new Cli.Failure(Cli.EXIT_USAGE, "cannot read: " + e.getMessage());
        }
        if (files.isEmpty()) throw new Cli.Failure(Cli.EXIT_USAGE, "no .wast or .json scripts under " + paths);
        WasmVersion version = switch (wasm == null ? "" : wasm) {
            case "" -> Conformance.defaultVersion(files);
            case "2.0", "2" -> WasmVersion.WASM_2_0;
            case "3.0", "3" -> WasmVersion.WASM_3_0;
            default -> throw new Cli.Failure(Cli.EXIT_USAGE, "--wasm must be 2.0 or 3.0, not " + wasm);
        };
        Tally t = Conformance.run(Targets.gatun(Cli.tier(tier), version), files, new Conformance.Options(verbose, listPassing), System.out);
        return t.failed() == 0 ? 0 : Cli.EXIT_FAILED;
    }
}
