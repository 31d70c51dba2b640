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
import java.util.Arrays;
import java.util.Collections;
import javax.imageio.ImageIO;
import org.facegate.embed.Embedding;
import org.facegate.embed.TfliteEmbedder;
import org.facegate.enroll.Sample;
import org.facegate.tflite.CpuInterpreterFactory;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The `facegate` CLI end to end: real models, real photos, a real SQLite gallery in a temp folder. */
public class CliTest {
    @Rule public TemporaryFolder tmp = new TemporaryFolder();

    private Path gallery;
    private String out, err;

    @Before
    public void setUp() {
        gallery = tmp.getRoot().toPath().resolve("gallery.db");
    }

    private int run(String... args) {
        String[] full = Arrays.copyOf(args, args.length + 2);
        full[args.length] = "--gallery";
        full[args.length + 1] = gallery.toString();
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = Main.run(full, new PrintWriter(o, true), new PrintWriter(e, true));
        out = o.toString();
        err = e.toString();
        return code;
    }

    private static Path lfw() {
        Path p = Paths.get(System.getProperty("facegate.lfw", "../../../shared/eval/lfw-dev"));
        assumeTrue("skipped: LFW dev set not found at " + p.toAbsolutePath(), Files.isDirectory(p.resolve("images")));
        return p;
    }

    private static Path lfwImage(String name, int n) {
        return lfw().resolve("images").resolve(name).resolve(String.format("%s_%04d.jpg", name, n));
    }

    @Test
    public void enrollThenVerifyOwnerAndRejectStranger() {
        assertEquals(err, 0, run("enroll", "colin", lfwImage("Colin_Powell", 40).toString(), lfwImage("Colin_Powell", 133).toString()));
        assertTrue(out, out.contains("enrolled colin: 2 new sample(s), 2 in total"));
        assertEquals(out + err, 0, run("verify", "colin", lfwImage("Colin_Powell", 95).toString()));
        assertTrue(out, out.contains("colin: match"));
        assertEquals(out + err, 1, run("verify", "colin", lfwImage("Hugo_Chavez", 2).toString()));
        assertTrue(out, out.contains("colin: no match"));
        assertEquals(0, run("list"));
        assertTrue(out, out.startsWith("colin\towner\t2 samples"));
    }

    @Test
    public void identifyLabelsEveryFaceAndWritesAnAnnotatedPng() throws Exception {
        assertEquals(err, 0, run("enroll", "tony", lfwImage("Tony_Blair", 18).toString()));
        // two people side by side: the enrolled one and a stranger
        BufferedImage a = ImageIO.read(lfwImage("Tony_Blair", 32).toFile()), b = ImageIO.read(lfwImage("Silvio_Berlusconi", 6).toFile());
        BufferedImage both = new BufferedImage(500, 250, BufferedImage.TYPE_INT_RGB);
        both.getGraphics().drawImage(a, 0, 0, null);
        both.getGraphics().drawImage(b, 250, 0, null);
        Path img = tmp.newFile("two.png").toPath();
        ImageIO.write(both, "png", img.toFile());
        Path png = tmp.getRoot().toPath().resolve("out/annotated.png");
        assertEquals(err, 0, run("identify", img.toString(), "--out", png.toString()));
        String[] lines = out.trim().split("\n");
        assertEquals(out, 2, lines.length);
        assertTrue(out, out.contains(": tony (best tony"));
        assertTrue(out, out.contains(": unknown (best tony"));
        assertEquals(500, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    public void refusesToEnrollAFaceAlreadyEnrolledUnderAnotherName() {
        assertEquals(err, 0, run("enroll", "david", lfwImage("David_Beckham", 1).toString()));
        assertEquals(2, run("enroll", "impostor", lfwImage("David_Beckham", 9).toString()));
        assertTrue(err, err.contains("already enrolled as david"));
        run("list");
        assertTrue(out, !out.contains("impostor"));
    }

    @Test
    public void removeForgetsThePerson() {
        assertEquals(err, 0, run("enroll", "colin", lfwImage("Colin_Powell", 40).toString()));
        assertEquals(0, run("remove", "colin"));
        assertEquals(2, run("verify", "colin", lfwImage("Colin_Powell", 133).toString()));
        assertTrue(err, err.contains("unknown person: colin"));
        assertEquals(2, run("remove", "colin"));
    }

    @Test
    public void missingFileIsOneClearLine() {
        assertEquals(2, run("enroll", "x", "/nonexistent/face.jpg"));
        assertEquals("facegate: no such file: /nonexistent/face.jpg\n", err);
    }

    @Test
    public void textFileIsNotAnImage() throws Exception {
        Path f = tmp.newFile("notes.jpg").toPath();
        Files.writeString(f, "hello, not a picture");
        assertEquals(2, run("identify", f.toString()));
        assertTrue(err, err.startsWith("facegate: not an image"));
    }

    @Test
    public void truncatedJpegIsCorruptAndNothingIsEnrolled() throws Exception {
        byte[] jpeg = Files.readAllBytes(lfwImage("Colin_Powell", 40));
        Path f = tmp.newFile("cut.jpg").toPath();
        Files.write(f, Arrays.copyOf(jpeg, jpeg.length / 3));
        // a good image and a corrupt one: the command fails before writing anything
        assertEquals(2, run("enroll", "colin", lfwImage("Colin_Powell", 133).toString(), f.toString()));
        assertTrue(err, err.startsWith("facegate: corrupt image " + f));
        run("list");
        assertEquals("nobody is enrolled\n", out);
    }

    @Test
    public void imageWithoutFaceIsRefusedWithTheReason() throws Exception {
        Path f = tmp.newFile("wall.png").toPath();
        ImageIO.write(new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB), "png", f.toFile());
        assertEquals(2, run("enroll", "nobody", f.toString()));
        assertTrue(err, err.contains("no face found"));
        assertEquals(2, run("identify", f.toString()));
        assertTrue(err, err.contains("no face found in"));
    }

    @Test
    public void corruptModelFailsItsChecksum() throws Exception {
        Path models = Paths.get(System.getProperty("facegate.models", System.getProperty("user.home") + "/.cache/facegate/npm"));
        Path fake = tmp.newFolder("models").toPath();
        // a copy of the model cache where the detector is truncated
        Path det = fake.resolve("mediapipe-face_detection-0.4.1657300184");
        Files.createDirectories(det);
        byte[] model = Files.readAllBytes(models.resolve("mediapipe-face_detection-0.4.1657300184/face_detection_short_range.tflite"));
        Files.write(det.resolve("face_detection_short_range.tflite"), Arrays.copyOf(model, model.length - 1000));
        assertEquals(2, run("verify", "x", lfwImage("Colin_Powell", 40).toString(), "--models", fake.toString(), "--detector", "blazeface"));
        assertTrue(err, err.startsWith("facegate: model face_detection_short_range.tflite failed its checksum"));
    }

    @Test
    public void embedsWithTheShippedModelDescribedByItsMetadata() throws Exception {
        try (TfliteEmbedder e = ShippedEmbedder.open(new CpuInterpreterFactory(1), true)) {
            // the id is model-conversion's "name@version" from the metadata, naming the variant (e.g. ...-fp16)
            assertTrue(e.modelId(), e.modelId().matches("MobileFaceNet@1\\.0\\.24-.+-(float32|fp16|int8-dynamic|int8)"));
            assertEquals(192, e.dimension());
        }
        assertEquals(err, 0, run("enroll", "colin", lfwImage("Colin_Powell", 40).toString()));
        assertEquals(0, run("list"));
        assertTrue(out, out.matches("colin\towner\t1 samples\tMobileFaceNet@\\S+\n"));
    }

    @Test
    public void aGalleryOfAnotherModelIsNeverComparedSilently() throws Exception {
        assertEquals(err, 0, run("enroll", "colin", lfwImage("Colin_Powell", 40).toString()));
        try (SqliteGallery g = new SqliteGallery(gallery)) {
            g.enroll("tony", Collections.singletonList(new Sample(new Embedding(new float[] {1, 0, 0}), 1f)), "OtherNet@1");
        }
        assertEquals(2, run("verify", "tony", lfwImage("Tony_Blair", 18).toString()));
        assertTrue(err, err.matches("facegate: tony was enrolled with another embedding model than MobileFaceNet@\\S+: enroll again\n"));
        assertEquals(err, 0, run("identify", lfwImage("Tony_Blair", 18).toString()));
        assertTrue(err, err.contains("warning: tony was enrolled with another embedding model than MobileFaceNet@"));
        assertTrue(out, out.contains(": unknown (best colin"));
    }

    @Test
    public void demoEnrollsFromOnePhotoAndRecognizesInAlteredCopies() throws Exception {
        Path dir = tmp.newFolder("demo").toPath();
        assertEquals(err, 0, run("demo", "--out", dir.toString()));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "summary: (\\d+) enrolled from one photo each; (\\d+) of (\\d+) recognized").matcher(out);
        assertTrue(out, m.find());
        // every one-shot enrollee is found again in the altered copy of their photo (small faces of the group photos
        // included: the detector zooms in on them)
        assertTrue(out, Integer.parseInt(m.group(1)) >= 5 && Integer.parseInt(m.group(2)) == Integer.parseInt(m.group(3)));
        // in the photo of an enrolled person nobody is taken for someone else: a name on the line of photo N is sampleN.
        // (Photos nobody was enrolled from are not checked: the demo photos show the same friends again, e.g. the
        // woman enrolled from sample1 is in sample4 too.)
        for (String line : out.split("\n")) {
            java.util.regex.Matcher photo = java.util.regex.Pattern.compile("^(sample\\d): \\d+ face").matcher(line);
            if (!photo.find() || !out.contains(photo.group(1) + ": enrolled")) continue;
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("(?<!closest )(sample\\d) \\(").matcher(line);
            while (name.find()) assertEquals(line, photo.group(1), name.group(1));
        }
        assertTrue(Files.isRegularFile(dir.resolve("sample6-identified.png")));
    }

    @Test
    public void versionNamesTheSubcommands() {
        StringWriter o = new StringWriter();
        assertEquals(0, Main.run(new String[] {"--version"}, new PrintWriter(o, true), new PrintWriter(new StringWriter(), true)));
        assertTrue(o.toString(), o.toString().contains("subcommands: enroll verify identify list remove eval calibrate bench demo"));
    }
}
