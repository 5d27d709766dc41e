package dev.gatun.cli;

import dev.gatun.CompileError;
import dev.gatun.Wat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code gatun print [--folded] FILE}: the module in the text format, as {@code wasm2wat} prints it. */
@Command(name = "print", description = "Print a .wasm module in the WebAssembly text format, with the names "
        + "of its name section; the module need not be valid, only well-formed.")
final class PrintCommand implements Callable<Integer> {
    @Option(names = "--folded", description = "nest instructions as S-expressions: (i32.add (local.get 0) (i32.const 1))")
    boolean folded;

    @Parameters(paramLabel = "FILE", description = "the module binary")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        byte[] bytes = Cli.read(file);
        String text;
        try {
            text = Wat.print(bytes, folded);
        } catch (CompileError e) {
            throw new Cli.Failure(Cli.EXIT_FAILED, file + ": " + ValidateCommand.describe(e));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return 0;
    }
}
