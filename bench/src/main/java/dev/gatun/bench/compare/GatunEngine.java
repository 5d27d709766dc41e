package dev.gatun.bench.compare;

import dev.gatun.Exports;
import dev.gatun.Function;
import dev.gatun.FunctionType;
import dev.gatun.Imports;
import dev.gatun.InstanceLimits;
import dev.gatun.Module;
import dev.gatun.Tier;
import dev.gatun.ValType;
import dev.gatun.Value;
import dev.gatun.WebAssembly;

import java.util.List;

/** Gatun through its public API, on one execution tier. */
final class GatunEngine implements Engine {
    private final Exports exports;

    GatunEngine(byte[] wasm, Tier tier) { this(wasm, tier, false); }

    /** With {@code metered}, the module consumes fuel, from a budget no workload exhausts. */
    GatunEngine(byte[] wasm, Tier tier, boolean metered) {
        Module m = WebAssembly.compile(wasm, tier);
        if (metered) m = m.withFuelMetering();
        exports = WebAssembly.instantiate(m, Imports.empty(), InstanceLimits.NONE.withFuel(metered ? Long.MAX_VALUE / 2 : -1)).exports();
    }

    @Override
    public Call export(String name, FunctionType type) {
        Function f = exports.function(name);
        List<ValType> params = type.params();
        return args -> {
            Value[] vs = new Value[args.length];
            for (int i = 0; i < args.length; i++) {
                long a = args[i];
                vs[i] = switch (params.get(i)) {
                    case I32 -> Value.i32((int) a);
                    case I64 -> Value.i64(a);
                    case F32 -> Value.f32Bits((int) a);
                    case F64 -> Value.f64Bits(a);
                    default -> throw new Unsupported("parameter type " + params.get(i));
                };
            }
            Value[] r = f.call(vs);
            if (r.length == 0) return 0;
            return switch (r[0]) {
                case Value.I32 v -> v.value() & 0xFFFF_FFFFL;
                case Value.I64 v -> v.value();
                case Value.F32 v -> v.bits() & 0xFFFF_FFFFL;
                case Value.F64 v -> v.bits();
                default -> throw new Unsupported("result type " + r[0]);
            };
        };
    }
}
