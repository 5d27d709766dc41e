package dev.gatun.cli;

import dev.gatun.CompileError;
import dev.gatun.CompileOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code gatun validate FILE}: decode and validate, say why not. */
final class ValidateCommand {
    private ValidateCommand() {}

    static final Subcommand COMMAND = new Subcommand("validate", "Check that a .wasm file is a valid module.", List.of(),
            Subcommand.optionSet(), List.of(new String[][] {{"FILE", "the module (binary, or text format)"}}), 1, false,
            ValidateCommand::run);

    static int run(Subcommand.Args a, PrintWriter out, PrintWriter err) {
        Path file = a.positionalPath(0);
        byte[] bytes = Cli.read(file);
        try {
            SimdRelaunch.compile(Cli.binary(bytes), CompileOptions.defaults());
        } catch (CompileError e) {
            out.println(describe(e));
            return Cli.EXIT_FAILED;
        }
        out.println("valid");
        return 0;
    }

    /** {@code invalid: type mismatch (at byte offset 37)} or {@code malformed: ...}. */
    static String describe(CompileError e) {
        String what = e.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.reason();
        if (e.line() > 0) return what + " (at line " + e.line() + ", column " + e.column() + ")"; // text format
        return e.offset() < 0 ? what : what + " (at byte offset " + e.offset() + ")"; // -1: about no particular byte
    }
}
