package dev.gatun.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every fixture under Node's node:wasi and checks the committed reference outputs
 * (src/test/resources/wasi/reference) still describe what Node does. Run with
 * {@code mvn ... -Dwasi.updateReference=true} (surefire passes it on) to rewrite them after changing a fixture.
 */
class NodeReferenceTest {
    static List<Fixtures.Case> cases() throws Exception { return Fixtures.cases(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void nodeMatchesCommittedReference(Fixtures.Case c, @TempDir Path work) throws Exception {
        String actual = Fixtures.execute(Fixtures.NODE, c, work).render();
        Path ref = Fixtures.RESOURCES.resolve("reference/" + c.name() + ".txt");
        if (Boolean.getBoolean("wasi.updateReference")) {
            Files.createDirectories(ref.getParent());
            Files.writeString(ref, actual);
        }
        assertEquals(Fixtures.readReference(c.name()), actual);
    }
}
