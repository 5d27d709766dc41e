package dev.gatun.cli;

import java.io.PrintStream;
import java.io.PrintWriter;

/** The process's standard streams, with write errors turned into an exit code instead of being lost. */
final class Output {
    private Output() {}

    /** Runs the command line on System.out/err; returns the exit code for System.exit. */
    static int main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true), err = new PrintWriter(System.err, true);
        return finish(Main.execute(args, out, err), out, System.out, err, System.err);
    }

    /**
     * PrintWriter and PrintStream swallow IOExceptions and only remember them: ask both layers (ours, and the
     * PrintStream the guest's and the spec runner's output goes through), so "gatun ... > /dev/full" fails.
     */
    static int finish(int exit, PrintWriter out, PrintStream rawOut, PrintWriter err, PrintStream rawErr) {
        boolean outFailed = out.checkError() | rawOut.checkError();
        if (outFailed) {
            err.println("gatun: error writing to standard output");
            err.flush();
        }
        boolean errFailed = err.checkError() | rawErr.checkError();
        if ((outFailed || errFailed) && exit == 0) return Cli.EXIT_FAILED;
        return exit;
    }
}
