package dev.gatun.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "API in ten lines", taken from the README itself, compiled as written (its imports included)
 * and run: the snippet cannot rot, and {@code import dev.gatun.*} must not clash with {@code java.lang}.
 */
class ReadmeApiExampleTest {
    @Test
    void theReadmeExampleCompilesAndPrintsWhatItSays(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String readme = Files.readString(MainTest.EXAMPLE.getParent().getParent().resolve("README.md"));
        Matcher m = Pattern.compile("## The API in ten lines\\s+```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "no ```java block under \"The API in ten lines\"");
        String snippet = m.group(1);
        int body = snippet.indexOf("\n\n");
        String imports = snippet.substring(0, body), code = snippet.substring(body);
        String source = imports + "\nimport java.nio.file.*;\nimport java.util.List;\n"
                + "public class Snippet { public static void main(String[] a) throws Exception {" + code + "}}\n";
        Path src = dir.resolve("Snippet.java");
        Files.writeString(src, source);

        // java.util.spi.ToolProvider (java.base) rather than javax.tools, which this module does not read.
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        PrintWriter w = new PrintWriter(diagnostics, true, StandardCharsets.UTF_8);
        int rc = javac.run(w, w, "-d", dir.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        assertEquals(0, rc, "the README snippet does not compile:\n" + diagnostics + "\n" + source);

        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            loader.loadClass("Snippet").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        // The import logs its argument (printed as a Value), then the result the comment promises.
        assertEquals(2, out.toString(StandardCharsets.UTF_8).lines().count(), out.toString());
        assertTrue(out.toString(StandardCharsets.UTF_8).strip().endsWith("42"), out.toString());
    }
}
