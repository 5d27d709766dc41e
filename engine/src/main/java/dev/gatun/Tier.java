package dev.gatun;

import java.util.Locale;

/**
 * How a module's functions are executed. Chosen per {@link Module} at compile time
 * ({@link WebAssembly#compile(byte[], Tier)}); the default comes from the system property
 * {@code gatun.tier} ({@code interpreter} or {@code compiler}).
 */
public enum Tier {
    /** The register interpreter only: no code generation, fastest to start. */
    INTERPRETER,
    /**
     * Every function that can be compiled is compiled to JVM bytecode (hidden classes, shared by all
     * instances of the module) when the module is first instantiated; the rest (SIMD, oversized bodies)
     * run in the interpreter.
     */
    COMPILER;

    /** The tier named by {@code gatun.tier}, or the built-in default when it is unset or unknown. */
    public static Tier fromProperty() {
        String s = System.getProperty("gatun.tier");
        if (s != null) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "interpreter": return INTERPRETER;
                case "compiler": return COMPILER;
                default: break;
            }
        }
        return COMPILER;
    }
}
