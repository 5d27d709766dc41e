package dev.gatun;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * Every way fuel crosses a function boundary in compiled code: direct, indirect, call_ref, host and
     * recursive calls from a loop, an exception thrown out of a callee and caught, tail calls to another
     * function (direct and by reference) and to itself, and traps in a callee and in a function with loops.
     */
    private static final String CALLS = """
        (module
          (type $ii (func (param i32) (result i32)))
          (import "env" "observe" (func $observe (param i32)))
          (memory 1)
          (table 2 funcref)
          (elem (i32.const 0) $fib $leaf)
          (elem declare func $fib)
          (tag $t (param i32))
          (func $fib (param i32) (result i32)
            (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
              (then (local.get 0))
              (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                             (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
          (func $leaf (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3)))
          (func $thrower (param i32) (local i32)
            (loop (br_if 0 (i32.lt_u (local.tee 1 (i32.add (local.get 1) (i32.const 1))) (local.get 0))))
            (throw $t (local.get 0)))
          (func $count (param i32 i32) (result i32)
            (if (result i32) (i32.eqz (local.get 1))
              (then (local.get 0))
              (else (return_call $count (i32.add (local.get 0) (i32.const 1)) (i32.sub (local.get 1) (i32.const 1))))))
          (func (export "mixed") (param $n i32) (result i32) (local $acc i32)
            (loop $l
              ;; Each call in a loop of its own: a charge to the caller's fuel right before it.
              (loop (local.set $acc (i32.add (local.get $acc) (call $fib (i32.const 6)))))
              (loop (local.set $acc (i32.add (local.get $acc) (call_indirect (param i32) (result i32) (local.get $n) (i32.const 1)))))
              (loop (local.set $acc (i32.add (local.get $acc) (call_ref $ii (local.get $n) (ref.func $leaf)))))
              (loop (call $observe (local.get $n)))
              (loop (local.set $acc (i32.add (local.get $acc)
                (block $caught (result i32)
                  (try_table (catch $t $caught) (call $thrower (local.get $n)))
                  (i32.const 0)))))
              (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
            (local.set $n (i32.const 3))
            (loop $k (br_if $k (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
            (return_call $count (local.get $acc) (i32.const 20)))
          (func (export "tailRef") (param $n i32) (result i32)
            (loop $l (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
            (return_call_ref $ii (i32.const 25) (ref.func $fib)))
          (func (export "oob") (param $n i32) (result i32)
            (loop $l (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
            (i32.load (i32.const -4)))
          (func (export "deep") (param $n i32) (result i32)
            (loop $l (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
            (call $fib (i32.const 30))))""";

    private static final java.util.Map<Tier, Module> CALLS_MODULES = new java.util.concurrent.ConcurrentHashMap<>();

    /** What one run shows: the result or trap, the fuel the host saw at each call, and the fuel consumed. */
    private static String run(Tier tier, long fuel, String export, int arg) {
        List<Long> seen = new ArrayList<>();
        Imports imports = Imports.builder().function("env", "observe", new FunctionType(List.of(ValType.I32), List.of()),
                (Caller c, Value... args) -> {
                    seen.add(c.instance().getFuel());
                    return new Value[0];
                }).build();
        Module m = CALLS_MODULES.computeIfAbsent(tier, t -> WebAssembly.compile(Wat.parse(CALLS), t).withFuelMetering());
        try (Instance in = WebAssembly.instantiate(m, imports, InstanceLimits.NONE.withFuel(fuel))) {
            String out;
            try {
                out = in.exports().function(export).call(Value.i32(arg))[0].toString();
            } catch (RuntimeError e) {
                out = e.trap().toString();
            }
            return out + " seen " + seen + " consumed " + in.fuelConsumed() + " left " + in.getFuel();
        }
    }

    @Test
    void callsThrowsTailCallsAndTrapsConsumeTheSameFuelInBothTiers() {
        String full = run(Tier.INTERPRETER, 10_000_000, "mixed", 7);
        assertTrue(full.startsWith("i32 "), full);
        assertEquals(full, run(Tier.COMPILER, 10_000_000, "mixed", 7));
        long need = Long.parseLong(full.replaceAll(".* consumed (\\d+) .*", "$1"));
        // Running out at every point of the run: the trap comes at the same charge in both tiers.
        for (long fuel = 0; fuel <= need; fuel += 1 + fuel / 40) {
            assertEquals(run(Tier.INTERPRETER, fuel, "mixed", 7), run(Tier.COMPILER, fuel, "mixed", 7), "fuel " + fuel);
        }
        for (String export : List.of("tailRef", "oob", "deep")) {
            String want = run(Tier.INTERPRETER, 10_000_000, export, 100);
            assertEquals(want, run(Tier.COMPILER, 10_000_000, export, 100));
        }
        // fib(30) takes more than one slice of fuel, and more than 10,000,000 in all.
        assertTrue(run(Tier.COMPILER, 10_000_000, "deep", 100).startsWith("OUT_OF_FUEL"));
    }

    /** Calls that move into compiled code in the middle of a loop consume what the interpreter would. */
    @Test
    void onStackReplacementConsumesWhatTheInterpreterWould() {
        long before = dev.gatun.interpreter.Osr.entries();
        dev.gatun.interpreter.Osr.stress(8);
        try {
            Module m = WebAssembly.compile(Wat.parse(LOOPS), new CompileOptions(Tier.TIERED, true)).withFuelMetering();
            try (Instance in = WebAssembly.instantiate(m, Imports.empty(), InstanceLimits.NONE.withFuel(10_000_000))) {
                for (int i = 0; i < 20; i++) assertEquals(Value.i32(500500), in.exports().function("sum").call(Value.i32(1000))[0]);
                assertEquals(20 * (1 + 1001 * 17), in.fuelConsumed());
            }
        } finally {
            dev.gatun.interpreter.Osr.stress(0);
        }
        assertTrue(dev.gatun.interpreter.Osr.entries() > before, "no on-stack replacement happened");
    }
}
