package org.facegate.detect;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Random;
import org.facegate.embed.Normalization;
import org.facegate.embed.TfliteEmbedder;
import org.facegate.image.RgbImage;
import org.facegate.pipeline.FacePipeline;
import org.facegate.testing.TestData;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

public class FaceMeshTest {
    private static BlazeFace blaze;
    private static FaceMesh mesh;

    @BeforeClass
    public static void load() throws Exception {
        blaze = new BlazeFace(TestData.models(), TestData.cpu(), BlazeFace.Range.SHORT);
        mesh = new FaceMesh(TestData.models(), TestData.cpu());
    }

    @AfterClass
    public static void close() {
        if (mesh != null) mesh.close();
        if (blaze != null) blaze.close();
    }

    private static Face detectOne(RgbImage img) {
        List<Face> faces = blaze.detect(img);
        assertEquals(1, faces.size());
        return faces.get(0);
    }

    @Test
    public void landmarksArePlausibleOnLfw() {
        RgbImage img = TestData.lfwImage("Aaron_Sorkin", 1);
        Face face = detectOne(img);
        MeshLandmarks m = mesh.run(img, face);
        assertEquals(3 * MeshLandmarks.COUNT, m.xyz().length);
        assertTrue("presence " + m.presence(), m.presence() > 0.9f);

        Point leftEye = m.mean(MeshLandmarks.rightEyeContour()), rightEye = m.mean(MeshLandmarks.leftEyeContour());
        Point nose = m.point(MeshLandmarks.NOSE_TIP);
        Point mouthLeft = m.point(MeshLandmarks.MOUTH_LEFT), mouthRight = m.point(MeshLandmarks.MOUTH_RIGHT);
        System.out.println("mesh eyes " + leftEye + " " + rightEye + ", nose " + nose + ", mouth " + mouthLeft + " " + mouthRight);
        assertTrue("eyes in image order", leftEye.x() < rightEye.x());
        assertTrue("eye corners in order", m.x(MeshLandmarks.RIGHT_EYE_OUTER) < m.x(MeshLandmarks.RIGHT_EYE_INNER)
                && m.x(MeshLandmarks.RIGHT_EYE_INNER) < m.x(MeshLandmarks.LEFT_EYE_INNER)
                && m.x(MeshLandmarks.LEFT_EYE_INNER) < m.x(MeshLandmarks.LEFT_EYE_OUTER));
        assertTrue("upper lid above lower lid", m.y(MeshLandmarks.RIGHT_EYE_TOP) < m.y(MeshLandmarks.RIGHT_EYE_BOTTOM)
                && m.y(MeshLandmarks.LEFT_EYE_TOP) < m.y(MeshLandmarks.LEFT_EYE_BOTTOM));
        assertTrue("nose between the eyes", nose.x() > leftEye.x() && nose.x() < rightEye.x());
        assertTrue("nose below the eyes", nose.y() > Math.max(leftEye.y(), rightEye.y()));
        assertTrue("mouth corners in order", mouthLeft.x() < mouthRight.x());
        assertTrue("mouth below nose", mouthLeft.midpoint(mouthRight).y() > nose.y());
        assertTrue("nose tip nearest the camera", m.z(MeshLandmarks.NOSE_TIP) < m.z(MeshLandmarks.RIGHT_EYE_OUTER)
                && m.z(MeshLandmarks.NOSE_TIP) < m.z(MeshLandmarks.LEFT_EYE_OUTER));
        // agrees with the detector's own keypoints to a few pixels (inter-ocular distance ~45 px here)
        Landmarks k = face.landmarks();
        assertEquals(0, leftEye.distance(k.leftEye()), 6);
        assertEquals(0, rightEye.distance(k.rightEye()), 6);
        assertEquals(0, nose.distance(k.nose()), 6);
        assertEquals(0, mouthLeft.midpoint(mouthRight).distance(k.mouthCenter()), 10);
        Box b = m.bounds();
        assertTrue("mesh inside the image", b.left() > 0 && b.top() > 0 && b.right() < img.width() && b.bottom() < img.height());
    }

    @Test
    public void blankAndNoiseHaveLowPresence() {
        Face fake = new Face(new Box(60, 60, 190, 190), 1f, Landmarks.ofFour(new Point(100, 110), new Point(150, 110),
                new Point(125, 140), new Point(125, 165)));
        assertTrue(mesh.run(new RgbImage(250, 250, new int[250 * 250]), fake).presence() < 0.1f);
        Random r = new Random(42);
        int[] px = new int[250 * 250];
        for (int i = 0; i < px.length; i++) px[i] = r.nextInt();
        assertTrue(mesh.run(new RgbImage(250, 250, px), fake).presence() < 0.1f);
    }

    @Test
    public void regionFollowsTheEyeLine() {
        // the same face turned a quarter clockwise: the rotated region sees the same crop, so the mesh turns with it
        RgbImage img = TestData.lfwImage("Aaron_Sorkin", 1);
        Face face = detectOne(img);
        MeshLandmarks upright = mesh.run(img, face);
        int w = img.width(), h = img.height();
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) px[x * h + (h - 1 - y)] = img.argb()[y * w + x];
        RgbImage turned = new RgbImage(h, w, px);
        Box b = face.box();
        Landmarks k = face.landmarks();
        Face turnedFace = new Face(new Box(h - b.bottom(), b.left(), h - b.top(), b.right()), face.score(),
                Landmarks.ofFour(turn(k.leftEye(), h), turn(k.rightEye(), h), turn(k.nose(), h), turn(k.mouthCenter(), h)));
        MeshLandmarks m = mesh.run(turned, turnedFace);
        assertTrue(m.presence() > 0.9f);
        double err = 0;
        for (int i = 0; i < MeshLandmarks.COUNT; i++) err += m.point(i).distance(turn(upright.point(i), h));
        err /= MeshLandmarks.COUNT;
        System.out.println("mean landmark disagreement after a quarter turn: " + err + " px");
        assertTrue("mean error " + err, err < 1.5);
    }

    @Test
    public void tracksFromThePreviousMesh() {
        // a still image as a video: tracking from the detector's mesh finds the same landmarks again
        RgbImage img = TestData.lfwImage("Aaron_Sorkin", 1);
        MeshLandmarks first = mesh.run(img, detectOne(img));
        MeshLandmarks tracked = mesh.track(img, first);
        assertTrue(tracked.presence() > 0.9f);
        double err = 0;
        for (int i = 0; i < MeshLandmarks.COUNT; i++) err += tracked.point(i).distance(first.point(i));
        err /= MeshLandmarks.COUNT;
        System.out.println("mean landmark change when tracking: " + err + " px");
        assertTrue("mean change " + err, err < 2);
    }

    private static Point turn(Point p, int h) {
        return new Point(h - p.y(), p.x());
    }

    @Test
    public void refinedDetectorGivesFivePoints() {
        RgbImage img = TestData.lfwImage("Aaron_Sorkin", 1);
        Face plain = detectOne(img);
        MeshRefinedDetector refined = new MeshRefinedDetector(blaze, mesh); // not closed: the class owns both
        assertEquals("blazeface-short+mesh", refined.name());
        List<Face> faces = refined.detect(img);
        assertEquals(1, faces.size());
        Face f = faces.get(0);
        assertEquals(plain.box(), f.box());
        assertEquals(plain.score(), f.score(), 0f);
        Landmarks k = f.landmarks();
        assertTrue(k.hasMouthCorners());
        assertTrue(k.leftEye().x() < k.rightEye().x() && k.mouthLeft().x() < k.mouthRight().x());
        assertTrue(k.mouthCenter().y() > k.nose().y() && k.nose().y() > k.leftEye().y());
        assertEquals(0, k.leftEye().distance(plain.landmarks().leftEye()), 6);
        assertEquals(0, k.rightEye().distance(plain.landmarks().rightEye()), 6);
        // the MTCNN-compatible correction moves points by at most ~2.4 template pixels (~3 px at this scale)
        Landmarks raw = new MeshRefinedDetector(blaze, mesh, false).refine(img, plain).landmarks();
        assertEquals(0, k.nose().distance(raw.nose()), 4);
        assertTrue("nose moved up", k.nose().y() < raw.nose().y());
        assertTrue("eyes moved apart", k.interocular() > raw.interocular());

        // where the mesh sees no face, the detector's keypoints stay
        Face fake = new Face(new Box(60, 60, 190, 190), 0.6f, Landmarks.ofFour(new Point(100, 110), new Point(150, 110),
                new Point(125, 140), new Point(125, 165)));
        assertSame(fake, refined.refine(new RgbImage(250, 250, new int[250 * 250]), fake));
    }

    @Test
    public void costPerFace() throws Exception {
        RgbImage img = TestData.lfwImage("Aaron_Sorkin", 1);
        Face face = detectOne(img);
        MeshLandmarks last = null;
        for (int i = 0; i < 30; i++) last = mesh.run(img, face);
        int n = 200;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) last = mesh.run(img, face);
        double meshMs = (System.nanoTime() - t0) / 1e6 / n;
        assertNotNull(last);
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) blaze.detect(img);
        double blazeMs = (System.nanoTime() - t0) / 1e6 / n;
        double frameMs;
        try (TfliteEmbedder emb = new TfliteEmbedder(TestData.open("MobileFaceNet.tflite"),
                "mobilefacenet", Normalization.FACENET, true)) {
            FacePipeline pipeline = new FacePipeline(new MeshRefinedDetector(blaze, mesh), emb); // closes nothing
            for (int i = 0; i < 10; i++) pipeline.largest(img);
            t0 = System.nanoTime();
            for (int i = 0; i < n / 4; i++) assertNotNull(pipeline.largest(img));
            frameMs = (System.nanoTime() - t0) / 1e6 / (n / 4);
        }
        System.out.printf("FaceMesh %.2f ms/face, BlazeFace %.2f ms/frame, whole frame (detect, mesh, align, flip-averaged "
                + "MobileFaceNet) %.2f ms (%s, 250x250)%n", meshMs, blazeMs, frameMs, TestData.cpu().description());
    }
}
