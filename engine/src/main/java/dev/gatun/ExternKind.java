package dev.gatun;

/** What an import or export is ({@code externidx} kinds), with the names the JavaScript API uses. */
public enum ExternKind {
    FUNCTION, TABLE, MEMORY, GLOBAL,
    /** An exception tag (exception handling). */
    TAG;

    @Override
    public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
}
