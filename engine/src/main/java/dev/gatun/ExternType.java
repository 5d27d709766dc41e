package dev.gatun;

/** The type of something a module imports or exports ({@code externtype}). */
public sealed interface ExternType permits FunctionType, TableType, MemoryType, GlobalType, TagType {
    ExternKind kind();
}
