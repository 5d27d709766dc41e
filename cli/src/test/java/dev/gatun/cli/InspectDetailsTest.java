package dev.gatun.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.gatun.cli.MainTest.gatun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** inspect's initialisers, segments, code sizes and section offsets (the numbers wasm-objdump -x gives), and --json. */
class InspectDetailsTest {
    @Test
    void showsWhatObjdumpShows(@TempDir Path dir) {
        Path m = TestModules.write(dir, "parts.wasm", TestModules.PARTS);
        MainTest.Result r = gatun("inspect", m.toString());
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        for (String line : new String[] {
                "  1: i32.const 42", "  2: i64.const -7", "  3: f64.const 1.5", "  4: global.get 0",
                "  0: active, table 0 at i32.const 1, 2 funcref: func 0, func 1 <h>",
                "  0: active, memory 0 at i32.const 16, 12 bytes: \"hello, world\"",
                "  1: passive, 7 bytes: \"passive\"",
                "  func 0          4 bytes at 0x00005e",
                "  func 1          7 bytes at 0x000063 <h>",
                "  type                     at 0x00000a, 5 bytes",
                "  global                   at 0x00002d, 28 bytes",
                "  data                     at 0x00006c, 27 bytes"}) {
            assertTrue(out.lines().anyMatch(line::equals), "missing '" + line + "' in\n" + out);
        }
    }

    @Test
    void longDataIsAbbreviated() {
        byte[] b = new byte[40];
        b[0] = 1;
        b[1] = '"';
        String p = InspectDetails.preview(b);
        assertTrue(p.startsWith("\"\\01\\\"\\00"), p);
        assertTrue(p.endsWith("\" … 8 more"), p);
    }

    @Test
    void jsonHasTheSameFacts(@TempDir Path dir) throws Exception {
        Path m = TestModules.write(dir, "parts.wasm", TestModules.PARTS);
        MainTest.Result r = gatun("inspect", "--json", m.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(m.toString(), j.get("file").asText());
        assertEquals("env", j.get("imports").get(0).get("module").asText());
        assertEquals("global", j.get("imports").get(0).get("kind").asText());
        assertEquals("h", j.get("exports").get(0).get("name").asText());
        assertEquals(1, j.get("exports").get(0).get("index").asInt());
        JsonNode h = j.get("functions").get(1);
        assertEquals("h", h.get("exportedAs").asText());
        assertEquals("i32", h.get("type").get("results").get(0).asText());
        assertEquals(7, h.get("bodySize").asInt());
        assertEquals(0x63, h.get("bodyOffset").asInt());
        assertEquals("i32.const 42", j.get("globals").get(0).get("init").asText());
        assertEquals(1, j.get("globals").get(0).get("index").asInt());
        assertEquals(4, j.get("tables").get(0).get("min").asInt());
        assertTrue(j.get("tables").get(0).get("max").isNull());
        assertEquals("func 1", j.get("elements").get(0).get("items").get(1).asText());
        assertEquals(12, j.get("data").get(0).get("size").asInt());
        assertEquals("68656c6c6f2c20776f726c64", j.get("data").get(0).get("bytes").asText());
        assertEquals("passive", j.get("data").get(1).get("mode").asText());
        assertEquals(10, j.get("sections").size());
        assertEquals(0x6c, j.get("sections").get(9).get("offset").asInt());
    }

    @Test
    void theExampleWithCustomSectionsParses() {
        MainTest.Result r = gatun("inspect", "--json", MainTest.EXAMPLE.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"name\" : \"producers\""), r.out());
    }
}
