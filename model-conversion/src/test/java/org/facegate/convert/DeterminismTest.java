package org.facegate.convert;

import static org.junit.Assert.assertArrayEquals;

import org.facegate.convert.model.TfliteReader;
import org.facegate.convert.model.TfliteWriter;
import org.junit.Test;

/** Same inputs, same bytes: builds on different machines and days ship identical models. */
public class DeterminismTest {
    @Test
    public void twoConversionsGiveIdenticalBytes() throws Exception {
        Converter fresh = TestModels.converter();
        for (Variant v : Variant.values()) {
            assertArrayEquals(v + " differs between two conversions", TestModels.variants().get(v), fresh.convert(v));
        }
    }

    @Test
    public void parsingAndReserializingAModelIsStable() throws Exception {
        for (Variant v : Variant.values()) {
            byte[] b = TestModels.variants().get(v);
            assertArrayEquals(v.fileName(), b, TfliteWriter.serialize(TfliteReader.parse(b, v.fileName())));
        }
    }
}
