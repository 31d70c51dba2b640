package org.facegate.detect;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.facegate.image.RgbImage;
import org.facegate.testing.TestData;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

public class BlazeFaceTest {
    private static BlazeFace shortRange;

    @BeforeClass
    public static void load() throws Exception {
        shortRange = new BlazeFace(TestData.models(), TestData.cpu(), BlazeFace.Range.SHORT);
    }

    @AfterClass
    public static void close() {
        shortRange.close();
    }

    @Test
    public void anchorCountsMatchTheModels() {
        assertEquals(896 * 2, BlazeFace.anchors(BlazeFace.Range.SHORT).length);
        assertEquals(2304 * 2, BlazeFace.anchors(BlazeFace.Range.FULL).length);
    }

    @Test
    public void findsOneFaceWithOrderedKeypointsOnLfw() {
        RgbImage img = TestData.lfwImage("Aaron_Sorkin", 1);
        List<Face> faces = shortRange.detect(img);
        assertEquals(1, faces.size());
        Face f = faces.get(0);
        Landmarks k = f.landmarks();
        System.out.println("face " + f);
        assertTrue(f.score() > 0.7f);
        assertTrue("eyes in image order", k.leftEye().x() < k.rightEye().x());
        assertTrue("nose between eyes", k.nose().x() > k.leftEye().x() && k.nose().x() < k.rightEye().x());
        assertTrue("mouth below nose", k.mouthCenter().y() > k.nose().y());
        // LFW deep-funneled: eyes near y=112, inter-ocular about 43 px
        assertEquals(112, (k.leftEye().y() + k.rightEye().y()) / 2, 12);
        assertEquals(43, k.interocular(), 12);
    }

    @Test
    public void blankImageHasNoFace() {
        assertTrue(shortRange.detect(new RgbImage(640, 480, new int[640 * 480])).isEmpty());
    }
}
