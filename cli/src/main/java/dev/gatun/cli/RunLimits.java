package dev.gatun.cli;

import dev.gatun.Instance;
import dev.gatun.InstanceLimits;
import dev.gatun.MemoryType;
import dev.gatun.Module;
import dev.gatun.ModuleLayout;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code --timeout}, {@code --fuel}, {@code --max-memory}, {@code --max-table-elements} and
 * {@code --max-call-depth} ask of an instance (wasmtime's names where it has them), parsed from the user's text.
 */
record RunLimits(Duration timeout, long memoryPages, long fuel, long tableElements, int callDepth) {
    static final RunLimits NONE = new RunLimits(null, -1, -1, -1, -1);

    private static final long PAGE = 65536;
    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)");

    static RunLimits parse(String timeout, String maxMemory) {
        return parse(timeout, maxMemory, null, null, null);
    }

    static RunLimits parse(String timeout, String maxMemory, String fuel, String maxTableElements, String maxCallDepth) {
        return new RunLimits(timeout == null ? null : duration(timeout), maxMemory == null ? -1 : pages(maxMemory),
                fuel == null ? -1 : count("--fuel", fuel, 0, Long.MAX_VALUE),
                maxTableElements == null ? -1 : count("--max-table-elements", maxTableElements, 0, Integer.MAX_VALUE),
                maxCallDepth == null ? -1 : (int) count("--max-call-depth", maxCallDepth, 1, Integer.MAX_VALUE));
    }

    InstanceLimits instanceLimits() {
        return InstanceLimits.NONE.withMemoryPages(memoryPages).withTableElements(tableElements)
                .withMaxCallDepth(callDepth).withFuel(fuel);
    }

    /** With --fuel, the module's code must consume fuel: the metered variant of the module. */
    Module prepare(Module module) {
        return fuel >= 0 ? module.withFuelMetering() : module;
    }

    /** A module whose own minimum exceeds the cap cannot be instantiated at all: say so in the user's terms. */
    void check(Module module) {
        if (memoryPages < 0) return;
        for (MemoryType m : ModuleLayout.of(module).memories()) {
            if (m.limits().min() > memoryPages)
                throw new Cli.Failure(Cli.EXIT_FAILED, "the module needs " + m.limits().min() + " pages of memory ("
                        + InputFiles.sizeText(m.limits().min() * PAGE) + "), more than --max-memory allows ("
                        + memoryPages + " pages)");
        }
    }

    /** Starts the clock: call right before running guest code. */
    void apply(Instance instance) {
        if (timeout != null) instance.setTimeout(timeout);
    }

    /** The trap message, telling the user that an interrupt came from --timeout. */
    String explain(dev.gatun.RuntimeError e) {
        return switch (e.trap()) {
            case INTERRUPTED -> timeout != null ? " (--timeout " + text(timeout) + " reached)" : "";
            case OUT_OF_FUEL -> fuel >= 0 ? " (--fuel " + fuel + ")" : "";
            case CALL_STACK_EXHAUSTED -> callDepth > 0 ? " (--max-call-depth " + callDepth + ")" : "";
            default -> "";
        };
    }

    /** A whole number in [min, max]; underscores are allowed as digit separators (10_000_000). */
    static long count(String option, String text, long min, long max) {
        String t = text.trim().replace("_", "");
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw usage(option, text, "a whole number");
        }
        if (v < min || v > max) throw usage(option, text, "a number from " + min + " to " + max);
        return v;
    }

    /** "100ms", "2s", "1.5s", "3m", "1h", "250us"; a bare number means seconds. */
    static Duration duration(String text) {
        Matcher m = AMOUNT.matcher(text.trim());
        if (!m.matches()) throw usage("--timeout", text, "a duration such as 100ms, 2s or 1m");
        double v = Double.parseDouble(m.group(1));
        double nanosPerUnit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "", "s" -> 1e9;
            case "m", "min" -> 60e9;
            case "h" -> 3600e9;
            default -> throw usage("--timeout", text, "a unit of ns, us, ms, s, m or h");
        };
        double nanos = v * nanosPerUnit;
        if (nanos < 1 || nanos > Long.MAX_VALUE / 2) throw usage("--timeout", text, "a duration above 0");
        return Duration.ofNanos((long) nanos);
    }

    /** Bytes ("1048576", "64KiB", "16MiB", "1GiB"; K/M/G are binary too) or pages ("16pages"), as whole pages. */
    static long pages(String text) {
        Matcher m = AMOUNT.matcher(text.trim());
        if (!m.matches() || m.group(1).contains(".")) throw usage("--max-memory", text, "bytes, with KiB/MiB/GiB, or pages, such as 64MiB or 1024pages");
        long v;
        try {
            v = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw usage("--max-memory", text, "a smaller number");
        }
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1;
            case "k", "kib" -> 1L << 10;
            case "m", "mib" -> 1L << 20;
            case "g", "gib" -> 1L << 30;
            case "page", "pages" -> PAGE;
            default -> throw usage("--max-memory", text, "a unit of B, KiB, MiB, GiB or pages");
        };
        if (v > (1L << 48) / unit) throw usage("--max-memory", text, "at most 2^48 bytes");
        return v * unit / PAGE; // memories grow in whole pages: a partial page allows none
    }

    private static String text(Duration d) {
        long ms = d.toMillis();
        return ms * 1_000_000 == d.toNanos() ? (ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms") : d.toNanos() + "ns";
    }

    private static Cli.Failure usage(String option, String text, String want) {
        return new Cli.Failure(Cli.EXIT_USAGE, option + " wants " + want + ", got '" + text + "'");
    }
}
