package dev.gatun.runtime;

import dev.gatun.model.FunctionType;

import java.util.concurrent.ConcurrentHashMap;

/** Canonical ids of function types, so call_indirect's structural type check is one int compare. */
public final class TypeIds {
    private TypeIds() {}

    private static final ConcurrentHashMap<FunctionType, Integer> IDS = new ConcurrentHashMap<>();

    public static int id(FunctionType t) {
        Integer id = IDS.get(t);
        if (id != null) return id;
        synchronized (IDS) {
            return IDS.computeIfAbsent(t, k -> IDS.size());
        }
    }
}
