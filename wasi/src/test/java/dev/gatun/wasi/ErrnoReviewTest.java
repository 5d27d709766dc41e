package dev.gatun.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The errno review of wasi/ERRNO.md, kept true: the errnos fixture (edge cases of every preview1 function)
 * runs under Node and Gatun, and the cases where they answer differently must be exactly the table's rows,
 * with the table's values for both.
 */
class ErrnoReviewTest {
    static final Path DOC = Path.of("ERRNO.md");
    static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| (\\w+) \\| (\\w+) \\|");

    static final Map<Integer, String> NAMES = new TreeMap<>();

    static {
        for (Field f : Errno.class.getDeclaredFields()) {
            if (f.getType() == int.class && Modifier.isStatic(f.getModifiers())) {
                try {
                    f.setAccessible(true);
                    NAMES.put(f.getInt(null), f.getName().equals("SUCCESS") ? "success" : "E" + f.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Case name to errno name, from the fixture's "CASE ERRNO" lines. */
    static Map<String, String> outcome(Fixtures.Runtime rt, Path work) throws Exception {
        Path box = Files.createDirectories(work.resolve("box"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rt.run(new Fixtures.Run(Fixtures.fixture("errnos"), List.of(), ""), box, "/box", out);
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) continue;
            int sp = line.lastIndexOf(' ');
            String value = line.substring(sp + 1);
            m.put(line.substring(0, sp).strip(), value.matches("\\d+") ? NAMES.getOrDefault(Integer.parseInt(value), value) : value);
        }
        return m;
    }

    @Test
    void everyDifferenceFromNodeIsTheDocumentedOne(@TempDir Path work) throws Exception {
        Map<String, String> node = outcome(Fixtures.NODE, Files.createDirectories(work.resolve("node")));
        Map<String, String> gatun = outcome(GatunDifferentialTest.GATUN, Files.createDirectories(work.resolve("gatun")));
        assertEquals("ok", node.get("setup"), "the fixture's setup succeeded under Node");
        assertEquals(node.keySet(), gatun.keySet(), "both ran every case");
        assertTrue(node.size() > 100, "cases: " + node.size());

        Map<String, String[]> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) documented.put(row.group(1), new String[] {row.group(2), row.group(3)});
        }
        StringBuilder undocumented = new StringBuilder();
        Map<String, String> actual = new TreeMap<>(), expected = new TreeMap<>();
        for (String c : node.keySet()) {
            boolean differs = !node.get(c).equals(gatun.get(c));
            if (differs && !documented.containsKey(c)) {
                undocumented.append("| `").append(c).append("` | ").append(node.get(c)).append(" | ").append(gatun.get(c)).append(" |\n");
            }
            if (differs || documented.containsKey(c)) {
                actual.put(c, node.get(c) + " " + gatun.get(c));
                String[] d = documented.get(c);
                expected.put(c, d == null ? "(not in " + DOC + ")" : d[0] + " " + d[1]);
            }
        }
        for (String c : documented.keySet()) assertTrue(node.containsKey(c), "documented case not in the fixture: " + c);
        assertEquals(expected, actual, "Node's and Gatun's differing errnos vs " + DOC + "; undocumented rows:\n" + undocumented);
    }
}
