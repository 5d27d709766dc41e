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
 *
 * <p>An instance's fuel is a slice ({@code InstanceState.fuel}, an int that compiled functions with loops
 * keep in a JVM local) and a reserve. Charges come out of the slice; when it cannot pay, {@link #refill}
 * polls for interruption and cuts the next slice from the reserve. So in metered code the charge is the
 * interrupt poll too: a loop back-edge pays one local decrement-and-test for both, as unmetered code pays
 * for its poll countdown alone. Only the slice size depends on polling; the fuel counts do not.
 */
public final class FuelCosts {
    /** Fuel a slice holds at most per unit of poll budget: a poll every 65,536 units normally. */
    static final int SLICE_PER_BUDGET = 16;

    /** Cost of entering the function. */
    public final int entry;
    private final int[] loopPos;
    private final int[] loopCost;

    private FuelCosts(int entry, int[] loopPos, int[] loopCost) {
        this.entry = entry;
        this.loopPos = loopPos;
        this.loopCost = loopCost;
    }

    /** The costs of a checked body; positions are those of a reader over {@code code} from 0. */
    public static FuelCosts of(byte[] code) {
        WasmReader r = new WasmReader(code, 0, code.length, 0);
        int[] pos = new int[8];
        int[] cost = new int[9];
        int loops = 0;
        int count = 0;
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
    public int loop(int pos) {
        int i = Arrays.binarySearch(loopPos, pos);
        if (i < 0) throw new IllegalStateException("no loop at " + pos);
        return loopCost[i];
    }

    /** Charges {@code cost} from a metered instance's fuel, or traps when less than that is left (fuel unchanged). */
    public static void charge(InstanceState inst, int cost) {
        int f = inst.fuel - cost;
        inst.fuel = f >= 0 ? f : refill(inst, inst.fuel, cost);
    }

    /**
     * The slow path of every charge, when the slice ({@code left}) cannot pay {@code cost}: polls, then
     * charges the slice and reserve together and returns the new slice (which the caller stores), or traps
     * with the fuel unchanged.
     */
    public static int refill(InstanceState inst, int left, int cost) {
        inst.fuel = left;   // the poll and the trap leave all the fuel in the instance
        int budget = Interpreter.poll(inst);
        long total = left + inst.fuelReserve;
        if (total < cost) throw new WasmTrap(TrapKind.OUT_OF_FUEL, total + " left, " + cost + " needed");
        long slice = Math.min(total - cost, (long) budget * SLICE_PER_BUDGET);
        inst.fuelReserve = total - cost - slice;
        return (int) slice;
    }

    /** Gives a metered instance {@code total} fuel: a full slice, the rest in reserve. */
    public static void set(InstanceState inst, long total) {
        int slice = (int) Math.min(total, (long) Interpreter.BUDGET * SLICE_PER_BUDGET);
        inst.fuel = slice;
        inst.fuelReserve = total - slice;
    }

    /** The fuel a metered instance has left. */
    public static long left(InstanceState inst) { return inst.fuel + inst.fuelReserve; }
}
