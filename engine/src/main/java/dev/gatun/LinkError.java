package dev.gatun;

/**
 * Linking failed: instantiation found an import missing or of the wrong kind or type, or an instance has
 * no export of the name and kind asked for ({@link Exports}).
 */
public final class LinkError extends WebAssemblyException {
    private final String module;
    private final String name;

    public LinkError(String module, String name, String reason) {
        this(module, name, reason + ": import \"" + module + "\" \"" + name + "\"", false);
    }

    private LinkError(String module, String name, String message, boolean unused) {
        super(message, null);
        this.module = module;
        this.name = name;
    }

    /**
     * An export that is missing or of another kind, e.g. {@code unknown export "sub"}; {@link #module()}
     * is then the module's name from its name section ("" without one) and {@link #name()} the export.
     */
    static LinkError export(String module, String name, String message) {
        return new LinkError(module, name, message, false);
    }

    /** Module name of the offending import. */
    public String module() { return module; }

    /** Field name of the offending import. */
    public String name() { return name; }
}
