package org.facegate.enroll;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.facegate.align.Aligner;
import org.facegate.detect.Face;
import org.facegate.image.RgbImage;
import org.facegate.image.Sampler;

/**
 * Refuses samples that would make a poor template, with the reason: no face, several faces, a face too small,
 * too dark or bright, blurred, or turned away. Brightness and blur are measured on the aligned 112x112 crop so that
 * the limits mean the same at every distance and resolution.
 */
public final class QualityGate {
    /** Default limits, chosen on LFW (news photos pass) and on degraded copies of them (which must fail). */
    public static final QualityGate DEFAULT = new QualityGate(28f, 50f, 215f, 40f, 0.45f);

    /** A second face at least this fraction of the main face's box area counts as another person in the picture. */
    static final float SECOND_FACE_AREA = 0.25f;

    private final float minInterocular, minBrightness, maxBrightness, minSharpness, maxYaw;
    private final FloatBuffer crop = FloatBuffer.allocate(Aligner.SIZE * Aligner.SIZE * 3);
    private final float[] luma = new float[Aligner.SIZE * Aligner.SIZE];

    /**
     * @param minInterocular eye distance in pixels below which a face is too small
     * @param minBrightness  mean crop luma below which it is too dark
     * @param maxBrightness  mean crop luma above which it is too bright
     * @param minSharpness   Laplacian variance below which it is blurred
     * @param maxYaw         largest |yaw ratio| accepted
     */
    public QualityGate(float minInterocular, float minBrightness, float maxBrightness, float minSharpness, float maxYaw) {
        this.minInterocular = minInterocular;
        this.minBrightness = minBrightness;
        this.maxBrightness = maxBrightness;
        this.minSharpness = minSharpness;
        this.maxYaw = maxYaw;
    }

    /** Judges the faces detected in one image. Not thread-safe (reuses its crop buffer). */
    public synchronized QualityReport check(RgbImage image, List<Face> faces) {
        if (faces.isEmpty()) return refused(QualityIssue.NO_FACE);
        Face f = faces.get(0);
        for (Face o : faces) if (o.box().area() > f.box().area()) f = o;
        // a second face of comparable size makes it unclear who is enrolling; a distant passer-by does not
        for (Face o : faces) {
            if (o != f && o.box().area() >= SECOND_FACE_AREA * f.box().area()) return refused(QualityIssue.SEVERAL_FACES);
        }
        ((java.nio.Buffer) crop).clear();
        Sampler.warpAffine(image, Aligner.transform(f.landmarks()), Aligner.SIZE, Aligner.SIZE, 0f, 1f, crop);
        double sum = 0;
        for (int i = 0; i < luma.length; i++) {
            luma[i] = 0.299f * crop.get(3 * i) + 0.587f * crop.get(3 * i + 1) + 0.114f * crop.get(3 * i + 2);
            sum += luma[i];
        }
        float brightness = (float) (sum / luma.length);
        float sharpness = laplacianVariance();
        float iod = f.landmarks().interocular();
        float yaw = f.landmarks().yawRatio();
        List<QualityIssue> issues = new ArrayList<>();
        if (iod < minInterocular) issues.add(QualityIssue.TOO_SMALL);
        if (brightness < minBrightness) issues.add(QualityIssue.TOO_DARK);
        if (brightness > maxBrightness) issues.add(QualityIssue.TOO_BRIGHT);
        // blur is judged only on a face big and lit enough: a tiny or dark face is blurred for another reason
        if (issues.isEmpty() && sharpness < minSharpness) issues.add(QualityIssue.BLURRED);
        if (Math.abs(yaw) > maxYaw) issues.add(QualityIssue.HEAD_TURNED);
        return new QualityReport(f, Collections.unmodifiableList(issues), iod, brightness, sharpness, yaw);
    }

    /** Variance of the 4-neighbour Laplacian over the crop interior: low when edges are soft. */
    private float laplacianVariance() {
        int s = Aligner.SIZE;
        double sum = 0, sq = 0;
        int n = 0;
        for (int y = 1; y < s - 1; y++) {
            for (int x = 1; x < s - 1; x++) {
                int i = y * s + x;
                double l = luma[i - 1] + luma[i + 1] + luma[i - s] + luma[i + s] - 4 * luma[i];
                sum += l;
                sq += l * l;
                n++;
            }
        }
        double mean = sum / n;
        return (float) (sq / n - mean * mean);
    }

    private static QualityReport refused(QualityIssue issue) {
        return new QualityReport(null, Collections.singletonList(issue), 0, 0, 0, 0);
    }
}
