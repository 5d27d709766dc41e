package dev.gatun.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code gatun} command. */
@Command(name = "gatun", mixinStandardHelpOptions = true, version = "gatun 0.1.0",
        description = "A WebAssembly runtime for the JVM.")
public final class Main {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
