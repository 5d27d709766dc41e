package dev.gatun.interpreter;

import static dev.gatun.model.Instruction.LOOP;

import dev.gatun.binary.InstructionReader;
import dev.gatun.binary.WasmReader;
import dev.gatun.model.Instruction;
import dev.gatun.runtime.TrapKind;
import dev.gatun.runtime.WasmTrap;

import java.util.Arrays;

/**
 * The fuel a metered function is charged, shared by both tiers so that they consume exactly the same fuel.
 * A body splits, in text order, into regions that start at the function's entry or at a {@code loop} and
 * run to the next {@code loop} or the end; entering a region (the entry, and every arrival at a loop's
 * header, by falling in or branching back) costs its instruction count, charged up front. Every path
 * between two charges is straight-line or forward-branching code inside one region, so a module can run
 * no more instructions than the fuel it was given, give or take one region; a forward branch that skips
 * part of a region is charged for it anyway (as wasmtime charges whole basic blocks). Both tiers look
 * a loop's cost up by the loop opcode's position in the body, so dead code they skip does not matter.
 */
public final class FuelCosts {
    /** Cost of entering the function. */
    public final long entry;
    private final int[] loopPos;
    private final long[] loopCost;

    private FuelCosts(long entry, int[] loopPos, long[] loopCost) {
        this.entry = entry;
        this.loopPos = loopPos;
        this.loopCost = loopCost;
    }

    /** The costs of a checked body; positions are those of a reader over {@code code} from 0. */
    public static FuelCosts of(byte[] code) {
        WasmReader r = new WasmReader(code, 0, code.length, 0);
        int[] pos = new int[8];
        long[] cost = new long[9];
        int loops = 0;
        long count = 0;
        while (!r.atEnd()) {
            Instruction in = InstructionReader.next(r);
            if (in == LOOP) {
                cost[loops] = count;
                if (loops == pos.length) {
                    pos = Arrays.copyOf(pos, loops * 2);
                    cost = Arrays.copyOf(cost, loops * 2 + 1);
                }
                pos[loops++] = r.pos();
                count = 0;
            }
            count++;
            InstructionReader.skipImmediates(in, r);
        }
        cost[loops] = count;
        // cost[0] is the entry region; cost[i + 1] belongs to the loop at pos[i].
        return new FuelCosts(cost[0], Arrays.copyOf(pos, loops), Arrays.copyOfRange(cost, 1, loops + 1));
    }

    /** Cost of the region starting at the loop whose opcode ends at reader position {@code pos}. */
    public long loop(int pos) {
        int i = Arrays.binarySearch(loopPos, pos);
        if (i < 0) throw new IllegalStateException("no loop at " + pos);
        return loopCost[i];
    }

    /** Charges {@code cost} from a metered instance's fuel, or traps when less than that is left (fuel unchanged). */
    public static void charge(InstanceState inst, long cost) {
        long f = inst.fuel - cost;
        if (f < 0) throw outOfFuel(inst, cost);
        inst.fuel = f;
    }

    public static WasmTrap outOfFuel(InstanceState inst, long cost) {
        return new WasmTrap(TrapKind.OUT_OF_FUEL, inst.fuel + " left, " + cost + " needed");
    }
}
