package org.facegate.convert.quant;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The arithmetic the quantizers rest on. */
public class QuantMathTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void everyHalfRoundTripsAndFloatsRoundToNearestEven() {
        for (int h = 0; h < 0x10000; h++) {
            float f = Half.toFloat((short) h);
            if (!Float.isNaN(f)) assertEquals(Integer.toHexString(h), (short) h, Half.fromFloat(f));
        }
        assertEquals(0x3C00, Half.fromFloat(1f) & 0xFFFF);
        assertEquals(0x3C00, Half.fromFloat(1f + 0x1p-11f) & 0xFFFF); // tie: to even (down)
        assertEquals(0x3C02, Half.fromFloat(1f + 3 * 0x1p-11f) & 0xFFFF); // tie: to even (up)
        assertEquals(0x7C00, Half.fromFloat(70000f) & 0xFFFF); // overflow: infinity
        assertEquals(0x0001, Half.fromFloat(0x1p-24f) & 0xFFFF); // smallest subnormal
    }

    @Test
    public void perChannelWeightsUseEachChannelsOwnScale() {
        // shape [2, 1, 1, 2]: channel 0 is tiny, channel 1 large; axis 0
        float[] w = {0.001f, -0.002f, 10f, -5f};
        PerChannelWeights q = PerChannelWeights.of(w, new int[] {2, 1, 1, 2}, 0);
        assertEquals(0.002f / 127, q.scales()[0], 1e-9);
        assertEquals(10f / 127, q.scales()[1], 1e-7);
        assertEquals(-127, q.values()[1]);
        assertEquals(127, q.values()[2]);
        for (int i = 0; i < w.length; i++) assertEquals(w[i], q.values()[i] * q.scales()[i / 2], q.scales()[i / 2] / 2);
        // depthwise: channels last
        PerChannelWeights d = PerChannelWeights.of(new float[] {1, 100, -1, -100}, new int[] {1, 1, 2, 2}, 3);
        assertEquals(1f / 127, d.scales()[0], 1e-9);
        assertEquals(100f / 127, d.scales()[1], 1e-6);
    }

    @Test
    public void activationParametersRepresentZeroExactly() {
        for (float[] r : new float[][] {{-3.7f, 12.1f}, {0.5f, 4f}, {-8f, -1f}, {-1f, 1f}}) {
            AffineInt8 p = AffineInt8.of(r[0], r[1]);
            assertEquals(0f, (p.quantize(0f) - p.zeroPoint()) * p.scale(), 0);
            assertTrue(p.zeroPoint() >= -128 && p.zeroPoint() <= 127);
            float lo = Math.min(r[0], 0), hi = Math.max(r[1], 0);
            assertEquals((hi - lo) / 255, p.scale(), 1e-6);
        }
    }

    @Test
    public void activationRangesRoundTripExactly() throws Exception {
        ActivationRanges.TensorStats s = new ActivationRanges.TensorStats(-1.2345678f, 9.87654f,
                new float[] {-1.1f, -1f, -0.9f}, new float[] {9f, 8.5f, 7.25f});
        ActivationRanges r = new ActivationRanges(List.of("made by a test"), Map.of("a/b", s));
        Path f = tmp.newFile("r.txt").toPath();
        r.write(f);
        ActivationRanges back = ActivationRanges.read(f);
        assertEquals(r.header(), back.header());
        ActivationRanges.TensorStats t = back.stats().get("a/b");
        assertEquals(s.min(), t.min(), 0);
        assertEquals(s.max(), t.max(), 0);
        assertEquals(7.25f, RangePolicy.TAIL_1E3.range(t)[1], 0);
        assertEquals(-1.1f, RangePolicy.TAIL_1E5.range(t)[0], 0);
    }
}
