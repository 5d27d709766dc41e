package dev.gatun.bench.compare;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import dev.gatun.FunctionType;

/** Chicory 1.7.5 with its bytecode compiler (the whole module translated to JVM classes up front). */
final class ChicoryEngine implements Engine {
    private final Instance instance;

    ChicoryEngine(byte[] wasm) {
        var module = Parser.parse(wasm);
        instance = Instance.builder(module).withMachineFactory(MachineFactoryCompiler.compile(module)).build();
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
