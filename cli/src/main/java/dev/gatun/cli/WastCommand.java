package dev.gatun.cli;

import dev.gatun.WasmVersion;

import dev.gatun.conformance.Conformance;
import dev.gatun.conformance.Tally;
import dev.gatun.conformance.Targets;
import org.apache.commons.cli.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code gatun wast PATH...}: run spec scripts (.wast, or wast2json output). */
final class WastCommand {
    private WastCommand() {}

    static final Subcommand COMMAND = new Subcommand("wast",
            "Run WebAssembly spec scripts: .wast files, or their wast2json conversion (.json).",
            List.of("Prints one line per script and last: N passed, N failed, N skipped."),
            Subcommand.optionSet(
                    Option.builder("v").longOpt("verbose").desc("print every failure and skip with file:line and reason").get(),
                    Subcommand.valued("tier", "TIER", "interpreter, compiler or tiered (default: -Dgatun.tier, else tiered)"),
                    Subcommand.valued("wasm", "VERSION", "2.0 or 3.0: the spec rules modules are decoded by"
                            + " (default: 2.0 when all scripts are wast2json .json output, as the 2.0 suite is, else 3.0)"),
                    Subcommand.flag("list-passing", "also list the scripts that pass fully (for expected-pass.txt)")),
            List.of(new String[][] {{"PATH...", "JSON scripts or directories (searched recursively)"}}), 1, false, WastCommand::run);

    static int run(Subcommand.Args a, PrintWriter out, PrintWriter err) {
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < a.positionals().size(); i++) paths.add(a.positionalPath(i));
        String wasm = a.value("wasm");
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
        Tally t = Conformance.run(Targets.gatun(Cli.tier(a.value("tier")), version), files,
                new Conformance.Options(a.flag("verbose"), a.flag("list-passing")), System.out);
        return t.failed() == 0 ? 0 : Cli.EXIT_FAILED;
    }
}
