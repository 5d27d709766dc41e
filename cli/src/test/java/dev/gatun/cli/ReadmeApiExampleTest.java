package dev.gatun.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code ```java} block of the README, taken from the README itself, compiled as written (its imports
 * included, so {@code import dev.gatun.*} must not clash with {@code java.lang}) and run: no snippet can rot.
 * A block is its imports, then statements (local classes allowed) that become a main method. What it must
 * print is in its comments: {@code System.out.println(...); // 42} expects the line {@code 42}, and
 * {@code // prints: text} after any statement expects {@code text}; the expected lines appear in order.
 * The Spark section's block is compiled by the spark module's SparkReadmeSnippetTest instead.
 */
class ReadmeApiExampleTest {
    private static final Pattern BLOCK = Pattern.compile("^## (.+?)$|^```java\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern PRINTLN = Pattern.compile("^\\s*System\\.out\\.println\\(.*\\);\\s*//\\s*(.+?)\\s*$");
    private static final Pattern PRINTS = Pattern.compile("//\\s*prints:\\s*(.+?)\\s*$");

    static final String SPARK_SECTION = "Gatun on Spark";

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> everyJavaSnippetCompilesAndPrintsWhatItSays() throws Exception {
        String readme = Files.readString(MainTest.EXAMPLE.getParent().getParent().resolve("README.md"));
        Matcher m = BLOCK.matcher(readme);
        List<DynamicTest> tests = new ArrayList<>();
        String section = "";
        while (m.find()) {
            if (m.group(1) != null) {
                section = m.group(1);
                continue;
            }
            // Spark is not on this module's class path: SparkReadmeSnippetTest (spark module) compiles that one.
            if (section.equals(SPARK_SECTION)) continue;
            String title = section, snippet = m.group(2);
            int n = tests.size();
            tests.add(DynamicTest.dynamicTest(title, () -> run("Snippet" + n, snippet)));
        }
        assertTrue(tests.size() >= 2, "the README has its Java snippets: " + tests.size());
        return tests;
    }

    private void run(String name, String snippet) throws Exception {
        List<String> imports = new ArrayList<>(), code = new ArrayList<>(), expected = new ArrayList<>();
        for (String line : snippet.lines().toList()) {
            (line.startsWith("import ") && code.isEmpty() ? imports : code).add(line);
            Matcher p = PRINTLN.matcher(line), q = PRINTS.matcher(line);
            if (q.find()) expected.add(q.group(1));
            else if (p.matches()) expected.add(p.group(1));
        }
        Path classes = Files.createDirectories(dir.resolve(name));
        String source = String.join("\n", imports) + "\nimport java.nio.file.*;\nimport java.util.List;\n"
                + "public class " + name + " { public static void main(String[] a) throws Throwable {\n"
                + String.join("\n", code) + "\n}}\n";
        Path src = classes.resolve(name + ".java");
        Files.writeString(src, source);

        // java.util.spi.ToolProvider (java.base) rather than javax.tools, which this module does not read.
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        PrintWriter w = new PrintWriter(diagnostics, true, StandardCharsets.UTF_8);
        int rc = javac.run(w, w, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        assertEquals(0, rc, "the README snippet does not compile:\n" + diagnostics + "\n" + source);

        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            loader.loadClass(name).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertFalse(expected.isEmpty(), "the snippet says nothing of what it prints:\n" + snippet);
        int at = 0;
        for (String e : expected) {
            while (at < lines.size() && !lines.get(at).equals(e)) at++;
            assertTrue(at < lines.size(), "expected the line \"" + e + "\" (in order) in the output:\n" + String.join("\n", lines));
            at++;
        }
    }
}
