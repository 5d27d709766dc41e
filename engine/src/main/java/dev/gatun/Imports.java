package dev.gatun;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values a module's imports resolve to, by module and field name (the JS API's import object).
 * Immutable once built.
 */
public final class Imports {
    private static final Imports EMPTY = new Imports(Map.of());

    private final Map<String, Map<String, Extern>> values;

    private Imports(Map<String, Map<String, Extern>> values) { this.values = values; }

    public static Imports empty() { return EMPTY; }

    public static Builder builder() { return new Builder(); }

    /** The value for an import, or null when there is none. */
    public Extern get(String module, String name) {
        Map<String, Extern> m = values.get(module);
        return m == null ? null : m.get(name);
    }

    public static final class Builder {
        private final Map<String, Map<String, Extern>> values = new LinkedHashMap<>();

        private Builder() {}

        /** A function, table, memory or global for import {@code module}/{@code name}; a later add replaces it. */
        public Builder add(String module, String name, Extern value) {
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            values.computeIfAbsent(module, k -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** A host function. */
        public Builder function(String module, String name, FunctionType type, HostFunction impl) {
            return add(module, name, Function.host(type, impl));
        }

        /** Every export of {@code instance}, under module name {@code module}. */
        public Builder instance(String module, Instance instance) {
            Exports e = instance.exports();
            for (String n : e.names()) add(module, n, e.get(n));
            return this;
        }

        public Imports build() {
            Map<String, Map<String, Extern>> copy = new LinkedHashMap<>();
            values.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
            return new Imports(Collections.unmodifiableMap(copy));
        }
    }
}
