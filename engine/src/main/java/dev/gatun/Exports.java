package dev.gatun;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An instance's exports by name. A missing name, or one of another kind, throws a {@link LinkError} naming it. */
public final class Exports {
    private final String module;
    private final Map<String, Extern> values;

    Exports(String module, LinkedHashMap<String, Extern> values) {
        this.module = module == null ? "" : module;
        this.values = Collections.unmodifiableMap(values);
    }

    /** Export names in declaration order. */
    public List<String> names() { return List.copyOf(values.keySet()); }

    public boolean has(String name) { return values.containsKey(name); }

    public Extern get(String name) {
        Extern e = values.get(name);
        if (e == null) throw LinkError.export(module, name, "unknown export \"" + name + "\"");
        return e;
    }

    public Function function(String name) { return as(name, Function.class, "function"); }

    public Memory memory(String name) { return as(name, Memory.class, "memory"); }

    public Table table(String name) { return as(name, Table.class, "table"); }

    public Global global(String name) { return as(name, Global.class, "global"); }

    public Tag tag(String name) { return as(name, Tag.class, "tag"); }

    private <T> T as(String name, Class<T> kind, String what) {
        Extern e = get(name);
        if (!kind.isInstance(e)) throw LinkError.export(module, name, "export \"" + name + "\" is a " + e.type().kind() + ", not a " + what);
        return kind.cast(e);
    }

    /** All exports as an unmodifiable map in declaration order. */
    public Map<String, Extern> asMap() { return values; }
}
