package dev.gatun.bench.compare;

import dev.gatun.FunctionType;
import dev.gatun.ValType;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;

import java.util.List;

/**
 * GraalWasm through the polyglot API. Its jars are not in benchmarks.jar: only {@link GraalWasmCompare}'s
 * fork puts them on the module path, so this class loads in that fork alone.
 */
final class GraalWasmEngine implements Engine {
    private final Context context;
    private final Value exports;

    GraalWasmEngine(byte[] wasm) {
        context = Context.newBuilder("wasm").build();
        Value module = context.eval(Source.newBuilder("wasm", ByteSequence.create(wasm), "bench").buildLiteral());
        exports = module.newInstance().getMember("exports");
    }

    /** Truffle's runtime: "Interpreted" when it runs without a JIT compiler (no JVMCI Graal in the fork). */
    String runtime() { return context.getEngine().getImplementationName(); }

    @Override
    public Call export(String name, FunctionType type) {
        Value f = exports.getMember(name);
        if (f == null || !f.canExecute()) throw new Unsupported("no function export " + name);
        List<ValType> params = type.params();
        ValType result = type.results().isEmpty() ? null : type.results().getFirst();
        return args -> {
            Object[] vs = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                long a = args[i];
                vs[i] = switch (params.get(i)) {
                    case I32 -> (int) a;
                    case I64 -> a;
                    case F32 -> Float.intBitsToFloat((int) a);
                    case F64 -> Double.longBitsToDouble(a);
                    default -> throw new Unsupported("parameter type " + params.get(i));
                };
            }
            Value r = f.execute(vs);
            if (result == null) return 0;
            return switch (result) {
                case I32 -> r.asInt() & 0xFFFF_FFFFL;
                case I64 -> r.asLong();
                case F32 -> Float.floatToRawIntBits(r.asFloat()) & 0xFFFF_FFFFL;
                case F64 -> Double.doubleToRawLongBits(r.asDouble());
                default -> throw new Unsupported("result type " + result);
            };
        };
    }
}
