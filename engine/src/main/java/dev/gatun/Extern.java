package dev.gatun;

/** Something a module can import or export: a {@link Function}, table, memory or global. */
public interface Extern {
    ExternType type();
}
