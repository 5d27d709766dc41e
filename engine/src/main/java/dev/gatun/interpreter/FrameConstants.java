package dev.gatun.interpreter;

import dev.gatun.binary.InstructionReader;
import dev.gatun.binary.WasmReader;
import dev.gatun.model.Instruction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The translator's pre-scan of a body: its distinct constants, which get frame slots so every operand is a
 * register, and how many legacy try blocks it has (each gets a register for the exception it catches).
 * Done before translating so temporaries can be numbered from the start.
 */
final class FrameConstants {
    /** Distinct constants that get a frame slot; further ones are materialized by a CONST instruction. */
    static final int MAX_SLOTS = 8192;

    final long[] values;
    final int tries;
    private final HashMap<Long, Integer> index = new HashMap<>();
    private final HashMap<List<Long>, Integer> v128Index = new HashMap<>();

    FrameConstants(byte[] body) {
        WasmReader s = new WasmReader(body, 0, body.length, 0);
        List<Long> found = new ArrayList<>();
        int t = 0;
        while (!s.atEnd()) {
            Instruction in = InstructionReader.next(s);
            long v;
            switch (in) {
                case TRY -> { t++; InstructionReader.skipBlockType(s); continue; }
                case I32_CONST -> v = s.s32();
                case I64_CONST -> v = s.s64();
                case F32_CONST -> v = s.f32bits();
                case F64_CONST -> v = s.f64bits();
                case V128_CONST -> {
                    // v128.const values join the pool as (low, high) pairs, so a constant costs nothing at run time.
                    long lo = s.f64bits(), hi = s.f64bits();
                    if (found.size() + 2 <= MAX_SLOTS && v128Index.putIfAbsent(List.of(lo, hi), found.size()) == null) {
                        found.add(lo);
                        found.add(hi);
                    }
                    continue;
                }
                default -> { InstructionReader.skipImmediates(in, s); continue; }
            }
            if (found.size() < MAX_SLOTS && index.putIfAbsent(v, found.size()) == null) found.add(v);
        }
        values = new long[found.size()];
        for (int i = 0; i < values.length; i++) values[i] = found.get(i);
        tries = t;
    }

    /** The slot of scalar constant v among the constants, or -1. */
    int slot(long v) {
        Integer i = index.get(v);
        return i == null ? -1 : i;
    }

    /** The first slot of v128 constant (lo, hi), or -1. */
    int v128Slot(long lo, long hi) {
        Integer i = v128Index.get(List.of(lo, hi));
        return i == null ? -1 : i;
    }
}
