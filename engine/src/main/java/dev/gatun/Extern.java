package dev.gatun;

/** Something a module can import or export: a {@link Function}, table, memory, global or {@link Tag}. */
public interface Extern {
    ExternType type();
}
