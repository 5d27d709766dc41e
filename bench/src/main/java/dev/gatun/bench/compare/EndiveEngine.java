package dev.gatun.bench.compare;

import dev.gatun.FunctionType;

/** Endive 1.2.0's interpreter. */
final class EndiveEngine implements Engine {
    private final run.endive.runtime.Instance instance;

    EndiveEngine(byte[] wasm) {
        instance = run.endive.runtime.Instance.builder(run.endive.wasm.Parser.parse(wasm)).build();
    }

    @Override
    public Call export(String name, FunctionType type) {
        var f = instance.export(name);
        return args -> {
            long[] r = f.apply(args);
            return r == null || r.length == 0 ? 0 : Engine.normalise(type, r[0]);
        };
    }
}
