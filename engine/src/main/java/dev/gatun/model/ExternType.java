package dev.gatun.model;

/**
 * The type of something a module imports or exports ({@code externtype}).
 * <p>The engine's own twin of {@code dev.gatun.ExternType}, which the API converts to and from.
 */
public sealed interface ExternType permits FunctionType, TableType, MemoryType, GlobalType {
    ExternKind kind();
}
