package dev.gatun;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Fuel metering: deterministic counts, the same in both tiers, refuelable, and absent unless asked for. */
class FuelTest {
    /** sum(n): a loop of n iterations; spin: a loop without end. */
    private static final String LOOPS = """
        (module
          (func (export "sum") (param i32) (result i32) (local i32)
            (block (loop
              (br_if 1 (i32.eqz (local.get 0)))
              (local.set 1 (i32.add (local.get 1) (local.get 0)))
              (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
              (br 0)))
            (local.get 1))
          (func (export "spin") (loop (br 0))))""";

    private static Instance metered(Tier tier, long fuel) {
        Module m = WebAssembly.compile(Wat.parse(LOOPS), tier).withFuelMetering();
        return WebAssembly.instantiate(m, Imports.empty(), InstanceLimits.NONE.withFuel(fuel));
    }

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void consumptionIsExactAndTheSameInBothTiers(Tier tier) {
        try (Instance in = metered(tier, 1_000_000)) {
            assertEquals(Value.i32(55), in.exports().function("sum").call(Value.i32(10))[0]);
            // FuelCosts: the entry region is [block] = 1; the loop's region runs from the loop to the end of
            // the function, 17 instructions, and its header is reached 11 times (falling in, 10 back-edges).
            assertEquals(1 + 11 * 17, in.fuelConsumed());
            assertEquals(1_000_000 - (1 + 11 * 17), in.getFuel());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"INTERPRETER", "COMPILER"})
    void anEndlessLoopRunsOutOfFuelAndCanBeRefuelled(Tier tier) {
        try (Instance in = metered(tier, 10_000)) {
            RuntimeError e = assertThrows(RuntimeError.class, () -> in.exports().function("spin").call());
            assertEquals(RuntimeError.Trap.OUT_OF_FUEL, e.trap());
            assertTrue(e.getMessage().startsWith("all fuel consumed"), e.getMessage());
            // spin: an empty entry region, then the loop's (loop, br, end, end) = 4 per iteration: 2,500
            // iterations use the 10,000 exactly; the next charge fails and leaves the fuel at 0.
            assertEquals(10_000, in.fuelConsumed());
            assertEquals(0, in.getFuel());
            in.setFuel(1_000);
            assertEquals(Value.i32(3), in.exports().function("sum").call(Value.i32(2))[0]);
            assertEquals(1_000 - (1 + 3 * 17), in.getFuel());
            assertEquals(10_000 + 1 + 3 * 17, in.fuelConsumed());
        }
    }

    @Test
    void withoutMeteringThereIsNoFuel() {
        Module m = WebAssembly.compile(Wat.parse(LOOPS), Tier.INTERPRETER);
        assertFalse(m.fuelMetered());
        try (Instance in = WebAssembly.instantiate(m, Imports.empty(), InstanceLimits.NONE.withFuel(5))) {
            assertEquals(Value.i32(5050), in.exports().function("sum").call(Value.i32(100))[0]);
            assertThrows(IllegalStateException.class, () -> in.setFuel(10));
        }
        Module metered = m.withFuelMetering();
        try (Instance in = WebAssembly.instantiate(metered, Imports.empty())) {
            assertEquals(RuntimeError.Trap.OUT_OF_FUEL, assertThrows(RuntimeError.class, () -> in.exports().function("sum").call(Value.i32(1))).trap());
        }
    }
}
