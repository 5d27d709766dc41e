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

        /**
         * Fills every import of {@code module} not added yet: a function traps when called (a
         * {@link RuntimeError} of kind HOST naming the import), a table, memory or global is a fresh one of
         * the import's type. So a module whose imports are mostly never called instantiates with only the
         * ones it uses provided, and a call of another one fails clearly. Memories made here are the
         * caller's to close (the instance does not own them).
         */
        public Builder trapMissing(Module module) {
            return fill(module, null, false);
        }

        /**
         * Stubs import module {@code importModule} of {@code module}: each of its imports not added yet is
         * a function returning zeros (nothing for no result), or a fresh table, memory, global or tag of the
         * import's type.
         */
        public Builder stub(Module module, String importModule) {
            Objects.requireNonNull(importModule, "importModule");
            return fill(module, importModule, true);
        }

        private Builder fill(Module module, String only, boolean zeros) {
            Objects.requireNonNull(module, "module");
            for (ImportDescriptor d : module.imports()) {
                if (only != null && !only.equals(d.module())) continue;
                Map<String, Extern> m = values.get(d.module());
                if (m != null && m.containsKey(d.name())) continue;
                add(d.module(), d.name(), switch (d.type()) {
                    case FunctionType ft -> Function.host(ft, zeros ? args -> zeros(ft) : args -> {
                        throw new RuntimeError(RuntimeError.Trap.HOST, "import \"" + d.module() + "\" \"" + d.name()
                                + "\" is not provided", java.util.List.of(), null);
                    });
                    case TableType tt -> new Table(tt, null);
                    case MemoryType mt -> new Memory(mt);
                    case GlobalType gt -> new Global(gt, null);
                    case TagType tt -> new Tag(tt);   // a fresh tag: nothing outside can throw or catch it
                });
            }
            return this;
        }

        private static Value[] zeros(FunctionType ft) {
            Value[] out = new Value[ft.results().size()];
            for (int i = 0; i < out.length; i++) out[i] = Value.zero(ft.results().get(i));
            return out;
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
