package dev.gatun.cli;

import dev.gatun.FunctionType;
import dev.gatun.Imports;
import dev.gatun.Instance;
import dev.gatun.Module;
import dev.gatun.ValType;
import dev.gatun.Value;
import dev.gatun.WebAssembly;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's "API in ten lines", kept compiling and true. */
class ReadmeApiExampleTest {
    @Test
    void theReadmeExampleWorks() throws Exception {
        Module module = WebAssembly.compile(Files.readAllBytes(MainTest.EXAMPLE));
        Imports imports = Imports.builder()
                .function("env", "log", FunctionType.of(List.of(ValType.I32), List.of()),
                          args -> { System.out.println(args[0]); return new Value[0]; })
                .build();
        try (Instance instance = WebAssembly.instantiate(module, imports)) {
            Value[] r = instance.exports().function("gcd").call(Value.i32(48), Value.i32(18));
            assertEquals(6, ((Value.I32) r[0]).value());
        }
    }
}
