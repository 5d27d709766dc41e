package dev.gatun.cli;

import org.apache.commons.cli.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code gatun --help} (the subcommands and their summaries) and {@code gatun completion}. */
final class Help {
    private Help() {}

    /** Help lines are wrapped to this many columns, a terminal's default. */
    static final int WIDTH = 80;

    static void printMain(PrintWriter out) {
        out.println("Usage: gatun COMMAND [OPTIONS] [ARGS...]");
        out.println("A WebAssembly runtime for the JVM.");
        table(out, List.of(new String[] {"-h, --help", "Show this help message and exit."},
                new String[] {"-V, --version", "Print version information and exit."}));
        out.println("Commands:");
        List<String[]> rows = new ArrayList<>();
        for (Subcommand c : Main.COMMANDS.values()) rows.add(new String[] {c.name(), c.summary()});
        rows.add(new String[] {"help", "Print the help of a command: gatun help CMD is gatun CMD --help."});
        rows.add(new String[] {"completion", "Print a bash completion script for gatun; load it with: source <(gatun completion)."});
        table(out, rows);
        out.flush();
    }

    /** Two columns, {@code {name, description}}; a name too wide for its column gets a line of its own. */
    static void table(PrintWriter out, List<String[]> rows) {
        int width = 0;
        for (String[] r : rows) width = Math.max(width, r[0].length());
        width = Math.min(width, 24);
        for (String[] r : rows) {
            String name = "  " + r[0];
            if (r[0].length() > width) out.println(name);
            String first = r[0].length() > width ? "" : name;
            String text = wrap(r[1], width + 4, width + 6);
            out.print(first + text.substring(first.length()));
        }
    }

    /** {@code text} in lines of at most {@link #WIDTH}: the first indented by {@code first}, the others by {@code rest}. */
    static String wrap(String text, int first, int rest) {
        StringBuilder out = new StringBuilder(" ".repeat(first));
        int lineStart = 0;
        for (String word : text.split(" ")) {
            int col = out.length() - lineStart;
            boolean fresh = col == (lineStart == 0 ? first : rest);
            if (!fresh && col + 1 + word.length() > WIDTH) {
                out.append('\n');
                lineStart = out.length();
                out.append(" ".repeat(rest));
                fresh = true;
            }
            if (!fresh) out.append(' ');
            out.append(word);
        }
        return out.append('\n').toString();
    }

    /** Completes the subcommands, then each one's options; files elsewhere. */
    static String completionScript() {
        StringBuilder cases = new StringBuilder();
        for (Subcommand c : Main.COMMANDS.values()) {
            cases.append("    ").append(c.name()).append(") opts=\"");
            List<String> names = new ArrayList<>();
            for (Option o : c.options().getOptions()) names.add("--" + o.getLongOpt());
            cases.append(String.join(" ", names)).append("\" ;;\n");
        }
        return """
                #!/usr/bin/env bash
                # bash completion for gatun; load it with: source <(gatun completion)
                _complete_gatun() {
                  local cur=${COMP_WORDS[COMP_CWORD]} opts=""
                  if [ "$COMP_CWORD" -eq 1 ]; then
                    COMPREPLY=($(compgen -W "%s help completion --help --version" -- "$cur"))
                    return
                  fi
                  case "${COMP_WORDS[1]}" in
                %s    help) COMPREPLY=($(compgen -W "%s" -- "$cur")); return ;;
                  esac
                  if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur"))
                  else COMPREPLY=($(compgen -f -- "$cur")); fi
                }
                complete -F _complete_gatun -o filenames gatun
                """.formatted(String.join(" ", Main.COMMANDS.keySet()), cases, String.join(" ", Main.COMMANDS.keySet()));
    }
}
