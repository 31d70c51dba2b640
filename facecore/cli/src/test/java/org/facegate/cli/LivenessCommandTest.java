package org.facegate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import javax.imageio.ImageIO;
import org.facegate.image.RgbImage;
import org.facegate.eval.liveness.PlanarAttack;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** `facegate liveness` and `facegate liveness-eval` end to end on the real clip and on generated photo attacks. */
public class LivenessCommandTest {
    @Rule public TemporaryFolder tmp = new TemporaryFolder();

    private String out, err;

    private int run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.run(args, new PrintWriter(o, true), new PrintWriter(e, true));
        out = o.toString();
        err = e.toString();
        return code;
    }

    private static Path data() {
        Path p = Paths.get(System.getProperty("facegate.liveness", "../../../shared/eval/liveness"));
        assumeTrue("skipped: liveness data not found at " + p.toAbsolutePath(), Files.isDirectory(p.resolve("real")));
        return p;
    }

    private static String lastLine(String s) {
        String[] lines = s.trim().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    public void realClipWithABlinkIsLive() {
        Path clip = data().resolve("real/blinkdetector_video");
        assertEquals(out + err, 0, run("liveness", clip.toString(), "--expect", "blink"));
        String[] lines = out.trim().split("\n");
        assertEquals(169, lines.length);
        assertTrue(lines[0], lines[0].startsWith("frame_0001.jpg\tEAR r 0.") && lines[0].contains(" yaw ") && lines[0].contains(" openness "));
        assertEquals("decision: live", lastLine(out));
    }

    @Test
    public void realClipAtSixFramesASecondIsLive() {
        Path clip = data().resolve("real/blinkdetector_video");
        assertEquals(out + err, 0, run("liveness", clip.toString(), "--expect", "blink", "--process-fps", "6"));
        String[] lines = out.trim().split("\n");
        // the frames a phone processing 6 a second picks up from 12 fps: every other one, until the blink
        assertTrue(lines.length + " lines", lines.length < 169);
        assertTrue(lines[1], lines[1].startsWith("frame_0003.jpg\t"));
        assertEquals("decision: live", lastLine(out));
    }

    @Test
    public void realClipCannotPassATurn() {
        Path clip = data().resolve("real/blinkdetector_video");
        assertEquals(out + err, 1, run("liveness", clip.toString(), "--expect", "turn-left", "--time-limit", "20"));
        assertTrue(lastLine(out), lastLine(out).startsWith("decision: spoof (challenge not completed"));
    }

    @Test
    public void photoTurnedAsAPlaneIsASpoof() throws Exception {
        Path lfw = Paths.get(System.getProperty("facegate.lfw", "../../../shared/eval/lfw-dev"));
        assumeTrue("skipped: LFW not found", Files.isDirectory(lfw.resolve("images")));
        RgbImage photo = ImageFiles.read(lfw.resolve("images/Colin_Powell/Colin_Powell_0040.jpg"));
        Path dir = tmp.newFolder("frames").toPath();
        List<RgbImage> video = PlanarAttack.video(photo, PlanarAttack.Motion.TURN_LEFT, PlanarAttack.Degradation.NOISE, 24, 360, 480, 1);
        for (int i = 0; i < video.size(); i++) {
            BufferedImage b = ImageFiles.toBuffered(video.get(i));
            ImageIO.write(b, "png", dir.resolve(String.format("f%03d.png", i)).toFile());
        }
        assertEquals(out + err, 1, run("liveness", dir.toString(), "--expect", "blink,turn-left"));
        assertTrue(lastLine(out), lastLine(out).startsWith("decision: spoof ("));
    }

    @Test
    public void attacksAreMeasuredAtAPhonesRate() {
        Path lfw = Paths.get(System.getProperty("facegate.lfw", "../../../shared/eval/lfw-dev"));
        assumeTrue("skipped: LFW not found", Files.isDirectory(lfw.resolve("images")));
        assertEquals(out + err, 0, run("liveness-eval", "--attacks", lfw.toString(), "--faces", "1", "--motions", "STATIC,TURN_LEFT", "--degradations",
                "NONE", "--process-fps", "4"));
        assertTrue(out, out.contains("replayed at 4.000 processed fps"));
        assertTrue(out, out.contains("\napcer: 0 of 2\n"));
    }

    @Test
    public void badArgumentsAreErrors() throws Exception {
        assertEquals(2, run("liveness", tmp.getRoot().toString(), "--expect", "nod"));
        assertTrue(err, err.contains("unknown challenge 'nod' (blink, turn-left, turn-right, look-up, look-down)"));
        assertEquals(2, run("liveness", tmp.getRoot().toString()));
        assertTrue(err, err.contains("no .jpg/.png frames"));
        assertEquals(2, run("liveness"));
        assertEquals(2, run("liveness-eval"));
        assertTrue(err, err.contains("give one of --clip, --attacks"));
        assertEquals(2, run("liveness-eval", "--clip", "a", "--attacks", "b"));
        assertEquals(2, run("liveness-eval", "--attacks", tmp.getRoot().toString(), "--process-fps", "0"));
        assertTrue(err, err.contains("--process-fps must be positive"));
        assertEquals(2, run("liveness-eval", "--clip", tmp.getRoot().toString(), "--timings", "0"));
        assertTrue(err, err.contains("--timings must be at least 1, got 0"));
        // checked before the clip is read: a reaction shorter than its jitter would start some movements before the instruction
        assertEquals(2, run("liveness-eval", "--unlock-time", tmp.getRoot().toString(), "--reaction-ms", "150"));
        assertTrue(err, err.contains("--reaction-ms must be at least its jitter, 200 ms, got 150"));
        assertEquals(2, run("liveness-eval", "--unlock-time", tmp.getRoot().toString(), "--move-ms", "0"));
        assertTrue(err, err.contains("--move-ms must be positive, got 0"));
        assertEquals(2, run("liveness-eval", "--unlock-time", tmp.getRoot().toString(), "--first-instruction-share", "1.5"));
        assertTrue(err, err.contains("--first-instruction-share must be in [0, 1], got 1.5"));
    }
}
