package dev.gatun;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts between the public type records and the engine's own ({@code dev.gatun.model}), which have
 * the same names and shapes: the engine never refers to the API, so the API converts at its boundary
 * (module descriptors, import matching, the types of functions, globals, tables and memories).
 */
final class ApiTypes {
    private ApiTypes() {}

    private static final ValType[] API = new ValType[dev.gatun.model.ValType.values().length];
    private static final dev.gatun.model.ValType[] MODEL = new dev.gatun.model.ValType[ValType.values().length];

    static {
        for (dev.gatun.model.ValType t : dev.gatun.model.ValType.values()) {
            ValType a = ValType.valueOf(t.name());
            API[t.ordinal()] = a;
            MODEL[a.ordinal()] = t;
        }
    }

    static ValType api(dev.gatun.model.ValType t) { return API[t.ordinal()]; }

    static dev.gatun.model.ValType model(ValType t) { return MODEL[t.ordinal()]; }

    static FunctionType api(dev.gatun.model.FunctionType t) {
        return new FunctionType(apiList(t.params()), apiList(t.results()));
    }

    static dev.gatun.model.FunctionType model(FunctionType t) {
        return new dev.gatun.model.FunctionType(modelList(t.params()), modelList(t.results()));
    }

    static Limits api(dev.gatun.model.Limits l) { return new Limits(l.min(), l.max()); }

    static dev.gatun.model.Limits model(Limits l) { return new dev.gatun.model.Limits(l.min(), l.max()); }

    static GlobalType api(dev.gatun.model.GlobalType t) { return new GlobalType(api(t.valType()), t.mutable()); }

    static dev.gatun.model.GlobalType model(GlobalType t) { return new dev.gatun.model.GlobalType(model(t.valType()), t.mutable()); }

    static TableType api(dev.gatun.model.TableType t) { return new TableType(api(t.elementType()), api(t.limits()), t.address64()); }

    static dev.gatun.model.TableType model(TableType t) { return new dev.gatun.model.TableType(model(t.elementType()), model(t.limits()), t.address64()); }

    static MemoryType api(dev.gatun.model.MemoryType t) { return new MemoryType(api(t.limits()), t.shared(), t.address64()); }

    static dev.gatun.model.MemoryType model(MemoryType t) { return new dev.gatun.model.MemoryType(model(t.limits()), t.shared(), t.address64()); }

    /** A tag's type: the parameters of its function type (which has no results). */
    static TagType tag(dev.gatun.model.FunctionType t) { return new TagType(apiList(t.params())); }

    static ExternType api(dev.gatun.model.ExternType t) {
        return switch (t) {
            case dev.gatun.model.FunctionType f -> api(f);
            case dev.gatun.model.TableType x -> api(x);
            case dev.gatun.model.MemoryType x -> api(x);
            case dev.gatun.model.GlobalType x -> api(x);
        };
    }

    private static List<ValType> apiList(List<dev.gatun.model.ValType> ts) {
        List<ValType> out = new ArrayList<>(ts.size());
        for (dev.gatun.model.ValType t : ts) out.add(api(t));
        return out;
    }

    private static List<dev.gatun.model.ValType> modelList(List<ValType> ts) {
        List<dev.gatun.model.ValType> out = new ArrayList<>(ts.size());
        for (ValType t : ts) out.add(model(t));
        return out;
    }
}
