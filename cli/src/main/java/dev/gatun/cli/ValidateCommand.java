package dev.gatun.cli;

import dev.gatun.CompileError;
import dev.gatun.WebAssembly;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code gatun validate FILE}: decode and validate, say why not. */
@Command(name = "validate", description = "Check that a .wasm file is a valid module.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the module (binary, or text format)")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        byte[] bytes = Cli.read(file);
        try {
            WebAssembly.compile(Cli.binary(bytes));
        } catch (CompileError e) {
            spec.commandLine().getOut().println(describe(e));
            return Cli.EXIT_FAILED;
        }
        spec.commandLine().getOut().println("valid");
        return 0;
    }

    /** {@code invalid: type mismatch (at byte offset 37)} or {@code malformed: ...}. */
    static String describe(CompileError e) {
        if (e.line() > 0) // text format: where in the text
            return e.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.reason() + " (at line " + e.line() + ", column " + e.column() + ")";
        return e.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.reason() + " (at byte offset " + e.offset() + ")";
    }
}
