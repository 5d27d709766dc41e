package dev.gatun.text;

import static org.junit.jupiter.api.Assertions.*;

import dev.gatun.CompileError;
import dev.gatun.Wat;
import org.junit.jupiter.api.Test;

/** Placement of the annotations a reader interprets: {@code @name} and branch hints. */
class AnnotationRulesTest {
    private static CompileError.Kind failure(String wat) {
        return assertThrows(CompileError.class, () -> Wat.parse(wat)).kind();
    }

    @Test
    void aNameFollowsTheKeywordAndIdOfWhatItNamesOnce() {
        assertNotNull(Wat.parse("(module $m (@name \"Modül\") (func $f (@name \"λ\") (param $p (@name \"x\") i32)))"));
        assertEquals(CompileError.Kind.MALFORMED, failure("(module (func) (@name \"M\"))"));
        assertEquals(CompileError.Kind.MALFORMED, failure("(module (start $f (@name \"M\")) (func $f))"));
        assertEquals(CompileError.Kind.MALFORMED, failure("(module (@name \"M1\") (@name \"M2\"))"));
    }

    @Test
    void aBranchHintStandsBeforeABranchInAFunction() {
        assertNotNull(Wat.parse("(module (func (param i32) (@metadata.code.branch_hint \"\\01\") (if (local.get 0) (then))"
                + " local.get 0 (@metadata.code.branch_hint \"\\00\") br_if 0))"));
        assertEquals(CompileError.Kind.MALFORMED, failure("(module (@metadata.code.branch_hint \"\\01\") (func))"));
        assertEquals(CompileError.Kind.MALFORMED, failure(
                "(module (func (param i32) local.get 0 (@metadata.code.branch_hint \"\\01\") (@metadata.code.branch_hint \"\\01\") if end))"));
        // Well-formed, but the hint names no branch: invalid.
        assertEquals(CompileError.Kind.INVALID, failure(
                "(module (func (param i32) local.get 0 (@metadata.code.branch_hint \"\\01\") drop))"));
    }
}
