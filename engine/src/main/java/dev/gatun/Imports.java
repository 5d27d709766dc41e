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

    /** The import name of a method bound with {@link Builder#bind}, when it is not the method's name. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    @java.lang.annotation.Documented
    public @interface Name {
        String value();
    }

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

        /** A host function that receives the importing instance. */
        public Builder function(String module, String name, FunctionType type, HostFunction.WithCaller impl) {
            return add(module, name, Function.host(type, impl));
        }

        /**
         * Every public method of {@code host} (its own and inherited, except {@link Object}'s) as a function
         * of import module {@code module}, named after the method or its {@link Name}. The Wasm type follows
         * the Java signature: {@code int, long, float, double} map to themselves and {@code boolean} to i32
         * (0 or 1), as parameters and as the result ({@code void} for none); a {@code String} or
         * {@code MemorySegment} parameter takes two i32s, a pointer and a byte length in the calling
         * instance's memory (the string decoded as UTF-8, the segment a zero-copy view); a {@link Caller}
         * parameter takes none and receives the importing instance. So
         * {@code void log(String s)} imports as {@code (func (param i32 i32))}.
         *
         * @throws IllegalArgumentException if a method has a parameter or result type without a mapping, two
         *                                  methods have the same import name, the class has no public method,
         *                                  or its methods cannot be called from here (see the other overload)
         */
        public Builder bind(String module, Object host) {
            Objects.requireNonNull(host, "host");
            HostBinder.functions(host, null).forEach((n, f) -> add(module, n, f));
            return this;
        }

        /**
         * {@link #bind(String, Object)} calling the methods through {@code lookup}, for a class that
         * dev.gatun cannot reach (not public, or in a package the caller's module does not open to it): pass
         * {@code MethodHandles.lookup()}.
         */
        public Builder bind(String module, Object host, java.lang.invoke.MethodHandles.Lookup lookup) {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(lookup, "lookup");
            HostBinder.functions(host, lookup).forEach((n, f) -> add(module, n, f));
            return this;
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
