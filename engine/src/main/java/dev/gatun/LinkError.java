package dev.gatun;

/** Instantiation failed while resolving imports: a missing import or one of the wrong kind or type. */
public final class LinkError extends WebAssemblyException {
    private final String module;
    private final String name;

    public LinkError(String module, String name, String reason) {
        super(reason + ": import \"" + module + "\" \"" + name + "\"", null);
        this.module = module;
        this.name = name;
    }

    /** Module name of the offending import. */
    public String module() { return module; }

    /** Field name of the offending import. */
    public String name() { return name; }
}
