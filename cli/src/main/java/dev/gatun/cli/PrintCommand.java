package dev.gatun.cli;

import dev.gatun.CompileError;
import dev.gatun.Wat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code gatun print [--folded] FILE}: the module in the text format, as {@code wasm2wat} prints it. */
final class PrintCommand {
    private PrintCommand() {}

    static final Subcommand COMMAND = new Subcommand("print", "Print a .wasm module in the WebAssembly text format, with the names "
            + "of its name section; the module need not be valid, only well-formed.", List.of(),
            Subcommand.optionSet(Subcommand.flag("folded", "nest instructions as S-expressions: (i32.add (local.get 0) (i32.const 1))")),
            List.of(new String[][] {{"FILE", "the module binary"}}), 1, false, PrintCommand::run);

    static int run(Subcommand.Args a, PrintWriter out, PrintWriter err) {
        Path file = a.positionalPath(0);
        byte[] bytes = Cli.read(file);
        String text;
        try {
            text = Wat.print(bytes, a.flag("folded"));
        } catch (CompileError e) {
            throw new Cli.Failure(Cli.EXIT_FAILED, file + ": " + ValidateCommand.describe(e));
        }
        out.print(text);
        out.flush();
        return 0;
    }
}
