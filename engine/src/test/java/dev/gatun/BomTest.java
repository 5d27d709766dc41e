package dev.gatun;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The BOM has no parent (so it imposes no test-library versions): its own version must follow the parent's. */
class BomTest {
    private static String version(Path pom) throws Exception {
        String xml = Files.readString(pom).replaceAll("(?s)<parent>.*?</parent>", "").replaceAll("(?s)<dependencyManagement>.*", "");
        Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(xml);
        assertTrue(m.find(), "no version in " + pom);
        return m.group(1);
    }

    @Test
    void theBomVersionIsTheProjectVersion() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertEquals(version(root.resolve("pom.xml")), version(root.resolve("bom/pom.xml")));
        String bom = Files.readString(root.resolve("bom/pom.xml"));
        for (String a : new String[] {"gatun-engine", "gatun-memory", "gatun-vector", "gatun-wasi"}) {
            assertTrue(bom.contains("<artifactId>" + a + "</artifactId>"), a);
        }
    }
}
