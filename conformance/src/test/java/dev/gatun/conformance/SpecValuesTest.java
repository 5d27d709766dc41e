package dev.gatun.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatun.Value;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class SpecValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception { return JSON.readTree(s); }

    @Test
    void floatsCompareByBitsAndNanClass() throws Exception {
        SpecValues v = new SpecValues();
        // -0.0 is not 0.0.
        assertNotNull(v.mismatch(json("{\"type\":\"f32\",\"value\":\"0\"}"), Value.f32(-0.0f)));
        assertNull(v.mismatch(json("{\"type\":\"f32\",\"value\":\"2147483648\"}"), Value.f32(-0.0f)));
        // A payload NaN is arithmetic but not canonical; the sign is free in both classes.
        JsonNode canonical = json("{\"type\":\"f64\",\"value\":\"nan:canonical\"}");
        JsonNode arithmetic = json("{\"type\":\"f64\",\"value\":\"nan:arithmetic\"}");
        assertNull(v.mismatch(canonical, Value.f64Bits(0xfff8000000000000L)));
        assertNotNull(v.mismatch(canonical, Value.f64Bits(0x7ff8000000000001L)));
        assertNull(v.mismatch(arithmetic, Value.f64Bits(0x7ff8000000000001L)));
        assertNotNull(v.mismatch(arithmetic, Value.f64Bits(0x7ff0000000000001L))); // signalling
        // An exact NaN keeps its payload.
        assertNotNull(v.mismatch(json("{\"type\":\"f32\",\"value\":\"2143289344\"}"), Value.f32Bits(0x7fc00001)));
        // The wrong type never matches.
        assertNotNull(v.mismatch(json("{\"type\":\"i32\",\"value\":\"0\"}"), Value.i64(0)));
    }

    @Test
    void v128LanesFollowTheExpectedShape() throws Exception {
        SpecValues v = new SpecValues();
        Value arg = v.arg(json("{\"type\":\"v128\",\"lane_type\":\"i8\",\"value\":"
                + "[\"0\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\",\"12\",\"13\",\"14\",\"255\"]}"));
        assertEquals(Value.v128(0x0706050403020100L, 0xff0e0d0c0b0a0908L), arg);
        JsonNode lanes = json("{\"type\":\"v128\",\"lane_type\":\"f32\",\"value\":"
                + "[\"nan:arithmetic\",\"nan:canonical\",\"1082130432\",\"0\"]}");
        Value ok = Value.v128((0x7fc00000L << 32) | 0x7fc00123L, 0x40800000L);
        assertNull(v.mismatch(lanes, ok));
        Value payloadInCanonicalLane = Value.v128((0x7fc00001L << 32) | 0x7fc00123L, 0x40800000L);
        assertNotNull(v.mismatch(lanes, payloadInCanonicalLane));
    }

    @Test
    void externrefNumbersMapToOneHostObjectEach() throws Exception {
        SpecValues v = new SpecValues();
        Value a = v.arg(json("{\"type\":\"externref\",\"value\":\"1\"}"));
        Value b = v.arg(json("{\"type\":\"externref\",\"value\":\"1\"}"));
        assertEquals(((Value.ExternRef) a).object(), ((Value.ExternRef) b).object());
        assertNull(v.mismatch(json("{\"type\":\"externref\",\"value\":\"1\"}"), a));
        assertNotNull(v.mismatch(json("{\"type\":\"externref\",\"value\":\"2\"}"), a));
        assertNotNull(v.mismatch(json("{\"type\":\"externref\",\"value\":\"null\"}"), a));
        assertNull(v.mismatch(json("{\"type\":\"funcref\",\"value\":\"null\"}"), Value.funcref(null)));
    }
}
