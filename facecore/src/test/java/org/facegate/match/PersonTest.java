package org.facegate.match;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import org.facegate.embed.Embedding;
import org.junit.Test;

/** A person's template is their samples' normalized mean; a person without a name, samples or one dimension is refused. */
public class PersonTest {
    @Test
    public void templateIsTheNormalizedMeanOfTheSamples() {
        Person p = new Person("ada", Arrays.asList(new Embedding(new float[] {1, 0, 0}), new Embedding(new float[] {0, 1, 0})));
        float h = (float) Math.sqrt(0.5);
        assertEquals(h, p.template().values()[0], 1e-6f);
        assertEquals(h, p.template().values()[1], 1e-6f);
        assertEquals(h, p.score(new Embedding(new float[] {1, 0, 0})), 1e-6f);
        assertEquals(2, p.samples().size());
    }

    @Test
    public void badPeopleAreRefusedWithTheReason() {
        assertRefused("a person needs a name", () -> new Person(" ", Collections.singletonList(new Embedding(new float[] {1, 0}))));
        assertRefused("ada: a person needs at least one sample", () -> new Person("ada", Collections.emptyList()));
        assertRefused("ada: mixed embedding dimensions",
                () -> new Person("ada", Arrays.asList(new Embedding(new float[] {1, 0}), new Embedding(new float[] {1, 0, 0}))));
    }

    private static void assertRefused(String message, Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            assertEquals(message, e.getMessage());
            return;
        }
        assertTrue("accepted, expected: " + message, false);
    }
}
