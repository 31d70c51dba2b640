package org.facegate.liveness;

import static org.junit.Assume.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.facegate.image.RgbImage;
import org.facegate.testing.TestData;

/** The liveness evaluation data in shared/eval/liveness (read in place), skipping the test when it is absent. */
public final class LivenessData {
    private LivenessData() {}

    public static Path root() {
        Path p = Paths.get(System.getProperty("facegate.liveness", "../../shared/eval/liveness"));
        assumeTrue("skipped: liveness data not found at " + p.toAbsolutePath(), Files.isRegularFile(p.resolve("labels.tsv")));
        return p;
    }

    public static Path clipDir() {
        return root().resolve("real/blinkdetector_video");
    }

    /** The real clip's frames in order. */
    public static List<RgbImage> clip() {
        File[] files = clipDir().toFile().listFiles((d, n) -> n.endsWith(".jpg"));
        Arrays.sort(files);
        List<RgbImage> out = new ArrayList<>();
        for (File f : files) out.add(TestData.read(f));
        return out;
    }

    /** Labeled closed (blink or eyes_closed) per frame, index 0 = frame_0001. */
    static boolean[] closedLabels(int n) throws Exception {
        boolean[] closed = new boolean[n];
        for (String line : Files.readAllLines(clipDir().resolve("labels.tsv"))) {
            String[] f = line.split("\t");
            if (!f[0].matches("\\d+")) continue;
            for (int i = Integer.parseInt(f[0]); i <= Integer.parseInt(f[1]) && i <= n; i++) closed[i - 1] = !f[2].equals("eyes_open");
        }
        return closed;
    }

    static List<LivenessFrame> analyze(LivenessAnalyzer analyzer, List<RgbImage> images) {
        analyzer.reset();
        List<LivenessFrame> out = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) out.add(analyzer.analyze(images.get(i), i * 1000L / 12));
        return out;
    }
}
