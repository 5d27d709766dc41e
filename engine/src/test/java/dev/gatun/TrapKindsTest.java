package dev.gatun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatun.runtime.TrapKind;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The engine's trap kinds map onto the public ones by name, so both enums must list the same kinds and messages. */
class TrapKindsTest {
    @Test
    void internalAndPublicTrapKindsAgree() {
        assertEquals(Arrays.stream(RuntimeError.Trap.values()).map(t -> t.name() + ": " + t.message()).toList(),
                Arrays.stream(TrapKind.values()).map(t -> t.name() + ": " + t.message()).toList());
    }
}
