package org.facegate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.facegate.detect.BlazeFace;
import org.facegate.detect.Face;
import org.facegate.eval.detect.Mtcnn;
import org.facegate.eval.liveness.PassiveAntiSpoofing;
import org.facegate.image.RgbImage;
import org.facegate.inference.desktop.DesktopRuntime;
import org.facegate.tflite.ModelLoader;

/**
 * {@code facegate liveness-eval --passive-model}: the FaceAntiSpoofing model, measured and dropped from every decision
 * (docs/liveness.md), on the labeled attack and bona fide photos, the real clip and LFW, at several crops.
 */
final class PassiveModelReport {
    private PassiveModelReport() {}

    /**
     * The passive model on the labeled photos, every 4th frame of the clip and LFW, for several crops.
     *
     * @return 0
     */
    static int run(ModelLoader loader, Path data, Path lfw, List<Path> clipFrames, PrintWriter out) throws Exception {
        DesktopRuntime cpu = new DesktopRuntime(1);
        List<Path> attacks = List.of(data.resolve("attack/silentface_image_F1.jpg"), data.resolve("attack/silentface_image_F2.jpg"));
        List<Path> bonaPhotos = new ArrayList<>(List.of(data.resolve("bona-fide/silentface_image_T1.jpg"),
                data.resolve("bona-fide/silentface_image_T2.jpg")));
        List<Path> clip = new ArrayList<>();
        for (int i = 0; i < clipFrames.size(); i += 4) clip.add(clipFrames.get(i));
        List<Path> lfwPhotos = lfw == null ? new ArrayList<>() : LivenessEvalCommand.lfwFaces(lfw, 200);
        String[] crops = {"blazeface x1.0", "blazeface x1.2", "blazeface x1.5", "mtcnn square x1.0"};
        out.printf(Locale.ROOT, "passive FaceAntiSpoofing.tflite (score >= threshold = spoof): attacks %d photos, bona fide %d photos + %d clip frames"
                + " + %d LFW photos%n", attacks.size(), bonaPhotos.size(), clip.size(), lfwPhotos.size());
        try (PassiveAntiSpoofing fas = new PassiveAntiSpoofing(loader, cpu); BlazeFace blaze = new BlazeFace(loader, cpu, BlazeFace.Range.SHORT);
                Mtcnn mtcnn = new Mtcnn(loader, cpu)) {
            for (String crop : crops) {
                float[] a = scores(fas, blaze, mtcnn, crop, attacks), bp = scores(fas, blaze, mtcnn, crop, bonaPhotos);
                float[] bc = scores(fas, blaze, mtcnn, crop, clip), bl = scores(fas, blaze, mtcnn, crop, lfwPhotos);
                float[] bona = concat(bp, concat(bc, bl));
                float minAttack = Float.POSITIVE_INFINITY;
                for (float v : a) minAttack = Math.min(minAttack, v);
                out.printf(Locale.ROOT, "  %-18s attack scores %s, photos T1/T2 %s%n", crop, Arrays.toString(round(a)), Arrays.toString(round(bp)));
                out.printf(Locale.ROOT, "    at %.2f (reference): APCER %.0f%%, BPCER clip %.1f%% photos %.1f%% LFW %.1f%% all %.1f%%%n",
                        PassiveAntiSpoofing.REFERENCE_THRESHOLD, rate(a, PassiveAntiSpoofing.REFERENCE_THRESHOLD, false),
                        rate(bc, PassiveAntiSpoofing.REFERENCE_THRESHOLD, true), rate(bp, PassiveAntiSpoofing.REFERENCE_THRESHOLD, true),
                        rate(bl, PassiveAntiSpoofing.REFERENCE_THRESHOLD, true), rate(bona, PassiveAntiSpoofing.REFERENCE_THRESHOLD, true));
                out.printf(Locale.ROOT, "    at %.4f (highest with APCER 0%%): BPCER clip %.1f%% photos %.1f%% LFW %.1f%% all %.1f%%%n", minAttack,
                        rate(bc, minAttack, true), rate(bp, minAttack, true), rate(bl, minAttack, true), rate(bona, minAttack, true));
                float[] sorted = bona.clone();
                Arrays.sort(sorted);
                if (sorted.length > 0) {
                    float t90 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.9 * sorted.length))];
                    out.printf(Locale.ROOT, "    at %.4f (BPCER 10%% over all bona fide): APCER %.0f%%%n", t90, rate(a, t90, false));
                }
            }
        }
        return 0;
    }

    private static float[] scores(PassiveAntiSpoofing fas, BlazeFace blaze, Mtcnn mtcnn, String crop, List<Path> files) throws CliException {
        List<Float> out = new ArrayList<>();
        for (Path p : files) {
            RgbImage img = ImageFiles.read(p);
            List<Face> faces = crop.startsWith("mtcnn") ? mtcnn.detect(img) : blaze.detect(img);
            Face best = null;
            for (Face f : faces) if (best == null || f.box().area() > best.box().area()) best = f;
            if (best == null) continue;
            float k = crop.endsWith("1.5") ? 1.5f : crop.endsWith("1.2") ? 1.2f : 1f;
            out.add(fas.score(img, best.box(), k));
        }
        float[] a = new float[out.size()];
        for (int i = 0; i < a.length; i++) a[i] = out.get(i);
        return a;
    }

    /** Percent of scores called spoof ({@code >= t}) when {@code bona}, else percent called live. */
    private static double rate(float[] s, float t, boolean bona) {
        if (s.length == 0) return Double.NaN;
        int n = 0;
        for (float v : s) if (bona ? v >= t : v < t) n++;
        return 100.0 * n / s.length;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static String[] round(float[] a) {
        String[] s = new String[a.length];
        for (int i = 0; i < a.length; i++) s[i] = String.format(Locale.ROOT, "%.3f", a[i]);
        return s;
    }
}
