package dev.gatun.model;

/**
 * What an import or export is ({@code externidx} kinds), with the names the JavaScript API uses.
 * <p>The engine's own twin of {@code dev.gatun.ExternKind}, which the API converts to and from.
 */
public enum ExternKind {
    FUNCTION, TABLE, MEMORY, GLOBAL;

    @Override
    public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
}
