package dev.gatun.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Spark snippet compiles as written, against this module and Spark, with {@code spark} a
 * SparkSession (running it needs its lib.wasm and table; WasmUdfSparkTest runs the same calls).
 * The other README snippets are compiled and run by the cli module's ReadmeApiExampleTest.
 */
class SparkReadmeSnippetTest {
    @Test
    void theSparkSnippetCompiles(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
        Matcher m = Pattern.compile("## Gatun on Spark\\n.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "no ```java block under \"Gatun on Spark\"");
        List<String> imports = new ArrayList<>(), code = new ArrayList<>();
        for (String line : m.group(1).lines().toList()) (line.startsWith("import ") && code.isEmpty() ? imports : code).add(line);
        String source = String.join("\n", imports) + "\nimport java.nio.file.*;\nimport org.apache.spark.sql.SparkSession;\n"
                + "class Snippet { static void run(SparkSession spark) throws Exception {\n" + String.join("\n", code) + "\n}}\n";
        Path src = dir.resolve("Snippet.java");
        Files.writeString(src, source);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        PrintWriter w = new PrintWriter(diagnostics, true, StandardCharsets.UTF_8);
        int rc = ToolProvider.findFirst("javac").orElseThrow().run(w, w, "-proc:none", "-d", dir.toString(),
                "-cp", System.getProperty("java.class.path"), src.toString());
        assertEquals(0, rc, "the README's Spark snippet does not compile:\n" + diagnostics + "\n" + source);
    }
}
