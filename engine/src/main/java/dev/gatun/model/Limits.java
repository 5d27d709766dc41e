package dev.gatun.model;

import java.util.OptionalLong;

/**
 * Size limits of a memory (in 64 KiB pages) or a table (in elements): a minimum and an optional maximum.
 * <p>The engine's own twin of {@code dev.gatun.Limits}, which the API converts to and from.
 */
public record Limits(long min, OptionalLong max) {
    public Limits {
        if (min < 0) throw new IllegalArgumentException("limits: negative minimum " + min);
        if (max == null) max = OptionalLong.empty();
        if (max.isPresent() && max.getAsLong() < min)
            throw new IllegalArgumentException("limits: maximum " + max.getAsLong() + " below minimum " + min);
    }

    public static Limits of(long min) { return new Limits(min, OptionalLong.empty()); }

    public static Limits of(long min, long max) { return new Limits(min, OptionalLong.of(max)); }

    @Override
    public String toString() { return max.isPresent() ? min + ".." + max.getAsLong() : min + ".."; }
}
