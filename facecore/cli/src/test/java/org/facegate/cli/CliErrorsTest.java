package org.facegate.cli;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.facegate.embed.Embedding;
import org.facegate.enroll.Sample;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import picocli.CommandLine;

/**
 * Exit codes that mean what they say and errors of one line: 2 and one line on stderr for every error, verify's 1
 * only for "no match". Limits (threads, image size), output files, gallery folders, a read-only gallery, a full disk.
 */
public class CliErrorsTest {
    @Rule public TemporaryFolder tmp = new TemporaryFolder();
    private Cli cli;
    private final List<String> cleanUp = new ArrayList<>();

    @Before
    public void setUp() {
        cli = new Cli(tmp.getRoot().toPath().resolve("gallery.db"));
    }

    /** Undoes what a test did to the file system as root (a mount, an immutable file), so the folder can be deleted. */
    @After
    public void undo() throws Exception {
        for (String command : cleanUp) shell(command);
    }

    private static int shell(String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    private void oneLineError(String starts) {
        assertTrue(cli.err, cli.err.startsWith("facegate: " + starts));
        assertEquals(cli.err, 1, cli.err.split("\n").length);
    }

    private static String lfw(String name, int n) {
        return Cli.lfwImage(name, n).toString();
    }

    @Test
    public void threadsRangeFromOneToTheProcessors() {
        int cpus = Runtime.getRuntime().availableProcessors();
        for (int threads : new int[] {0, -1, cpus + 1}) {
            cli.expect(2, "identify", lfw("Colin_Powell", 40), "--threads", String.valueOf(threads));
            oneLineError("--threads " + threads + ": give 1 to " + cpus + " (the processors of this machine)");
        }
        cli.expect(2, "verify", "colin", lfw("Colin_Powell", 40), "--threads", "many");
        oneLineError("Invalid value for option '--threads': 'many' is not an int (see: facegate verify --help)");
        cli.expect(0, "enroll", "colin", lfw("Colin_Powell", 40), "--threads", String.valueOf(cpus));
    }

    @Test
    public void everySubcommandAnswersHelp() {
        CommandLine main = new CommandLine(new Main());
        assertTrue(main.getSubcommands().size() >= 10);
        for (String sub : main.getSubcommands().keySet()) {
            StringWriter o = new StringWriter(), e = new StringWriter();
            assertEquals(sub + ": " + e, 0, Main.run(new String[] {sub, "--help"}, new PrintWriter(o, true), new PrintWriter(e, true)));
            assertTrue(sub + ": " + o, o.toString().startsWith("Usage: facegate " + sub + " "));
        }
    }

    @Test
    public void aUsageErrorIsOneLine() {
        cli.expect(2, "verify", "colin");
        oneLineError("Missing required parameter: '<image>' (see: facegate verify --help)");
    }

    @Test
    public void theAnnotatedImageNeverOverwritesItsInputAndIsWhatItsNameSays() throws Exception {
        Path input = tmp.getRoot().toPath().resolve("p.png");
        ImageIO.write(ImageIO.read(Cli.lfwImage("Colin_Powell", 40).toFile()), "png", input.toFile());
        byte[] before = Files.readAllBytes(input);
        cli.expect(2, "identify", input.toString(), "-o", input.toString());
        oneLineError("refusing to overwrite the input image " + input);
        // the same file by another path
        cli.expect(2, "identify", input.toString(), "-o", tmp.getRoot().toPath().resolve("x/../p.png").toString());
        assertArrayEquals(before, Files.readAllBytes(input));
        Path jpg = tmp.getRoot().toPath().resolve("out.jpg");
        cli.expect(0, "identify", input.toString(), "-o", jpg.toString());
        byte[] written = Files.readAllBytes(jpg);
        assertEquals("a JPEG starts with FF D8", 0xFFD8, ((written[0] & 0xFF) << 8) | (written[1] & 0xFF));
        Path bmp = tmp.getRoot().toPath().resolve("out.bmp");
        cli.expect(2, "identify", input.toString(), "-o", bmp.toString());
        oneLineError("cannot write " + bmp + ": give a file name ending in .png, .jpg or .jpeg");
        assertFalse(Files.exists(bmp));
    }

    @Test
    public void aGalleryInAMissingFolderIsAnError() {
        Path missing = tmp.getRoot().toPath().resolve("typo/gallery.db");
        Cli elsewhere = new Cli(missing);
        elsewhere.expect(2, "list");
        assertEquals("facegate: no such folder for the gallery: " + missing.getParent() + "\n", elsewhere.err);
        elsewhere.expect(2, "enroll", "colin", lfw("Colin_Powell", 40));
        assertFalse(Files.exists(missing.getParent()));
    }

    @Test
    public void aFileThatIsNoGalleryIsRefusedAndLeftAlone() throws Exception {
        Files.writeString(cli.gallery, "hello, not a database");
        cli.expect(2, "list");
        oneLineError("cannot open gallery " + cli.gallery + ": ");
        assertEquals("hello, not a database", Files.readString(cli.gallery));
    }

    /** Makes a file read-only for this process, even as root (immutable attribute); false when it cannot. */
    private boolean makeReadOnly(Path f) throws Exception {
        assertTrue(f.toFile().setWritable(false, false));
        if (!Files.isWritable(f) || shell("chattr +i '" + f + "'") != 0) return !Files.isWritable(f);
        cleanUp.add("chattr -i '" + f + "'");
        return !Files.isWritable(f);
    }

    @Test
    public void aReadOnlyGalleryIsListedAndVerifiedWithoutWritingIt() throws Exception {
        cli.expect(0, "enroll", "colin", lfw("Colin_Powell", 40));
        assumeTrue("skipped: cannot make a file read-only here (not root and no chattr)", makeReadOnly(cli.gallery));
        byte[] before = Files.readAllBytes(cli.gallery);
        FileTime modified = Files.getLastModifiedTime(cli.gallery);
        cli.expect(0, "list");
        assertTrue(cli.out, cli.out.startsWith("colin\towner\t1 samples"));
        assertEquals("", cli.err);
        cli.expect(0, "verify", "colin", lfw("Colin_Powell", 133));
        assertTrue(cli.out, cli.out.startsWith("colin: match"));
        assertEquals("facegate: warning: gallery " + cli.gallery + " is read-only: outcomes are not logged\n", cli.err);
        cli.expect(1, "verify", "colin", lfw("Tony_Blair", 18));
        cli.expect(0, "identify", lfw("Colin_Powell", 133));
        cli.expect(2, "enroll", "tony", lfw("Tony_Blair", 18));
        oneLineError("cannot save tony: gallery " + cli.gallery + " is read-only");
        cli.expect(2, "remove", "colin");
        oneLineError("cannot remove colin: gallery " + cli.gallery + " is read-only");
        assertArrayEquals(before, Files.readAllBytes(cli.gallery));
        assertEquals(modified, Files.getLastModifiedTime(cli.gallery));
    }

    @Test
    public void aFullDiskSaysDiskFull() throws Exception {
        Path disk = tmp.newFolder("small-disk").toPath();
        // a real file system that runs full: a 1 MB tmpfs (root only; skipped elsewhere)
        assumeTrue("skipped: cannot mount a small tmpfs here (needs root)", shell("mount -t tmpfs -o size=1m tmpfs '" + disk + "'") == 0);
        cleanUp.add(0, "umount '" + disk + "'");
        Cli small = new Cli(disk.resolve("gallery.db"));
        small.expect(0, "enroll", "colin", lfw("Colin_Powell", 40));
        small.expect(0, "list");
        String model = small.out.trim().split("\t")[3];
        float[] face = new float[192];
        face[0] = 1;
        try (SqliteGallery open = new SqliteGallery(small.gallery)) {
            try {
                Files.write(disk.resolve("filler"), new byte[2 << 20]);
            } catch (IOException full) {
                // the filler takes what is left
            }
            // the disk runs full while a command has the gallery open: the write transaction fails
            open.enroll("tony", List.of(new Sample(new Embedding(face), 1f)), model, 192, new PrintWriter(new StringWriter()), (existing, others) -> { });
            fail("saved on a full disk");
        } catch (CliException e) {
            assertEquals("cannot save tony: disk full (gallery " + small.gallery + ")", e.getMessage());
        }
        // a command started on the full disk: the same (when opening the gallery or saving, as space runs out)
        small.expect(2, "enroll", "tony", lfw("Tony_Blair", 18));
        assertTrue(small.err, small.err.matches("facegate: cannot (open gallery \\S+|save tony): disk full \\(gallery \\S+\\)\n"));
        cli.expect(2, "identify", lfw("Colin_Powell", 133), "-o", disk.resolve("out.png").toString());
        assertEquals("facegate: cannot write " + disk.resolve("out.png") + ": disk full\n", cli.err);
        Files.delete(disk.resolve("filler"));
        small.expect(0, "list");
        assertTrue("the gallery is intact: " + small.out, small.out.startsWith("colin\towner\t1 samples"));
    }

    /** A PNG that claims {@code w x h} pixels in a few bytes: a decompression bomb's header. */
    private static byte[] pngClaiming(int w, int h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeBytes("IHDR");
        d.writeInt(w);
        d.writeInt(h);
        d.write(new byte[] {8, 0, 0, 0, 0});
        out.writeInt(13);
        out.write(ihdr.toByteArray());
        CRC32 crc = new CRC32();
        crc.update(ihdr.toByteArray());
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }

    @Test
    public void anImageClaimingBillionsOfPixelsIsRefusedBeforeDecoding() throws Exception {
        Path bomb = tmp.getRoot().toPath().resolve("bomb.png");
        Files.write(bomb, pngClaiming(100_000, 100_000));
        cli.expect(2, "identify", bomb.toString());
        oneLineError("image too large: " + bomb + " is 100000x100000 pixels, more than 250 million");
    }

    @Test
    public void aHugePhotoIsDecodedSmallerWithinA512MbHeap() throws Exception {
        // 12000x9000 (108 megapixels, 432 MB as int pixels) with Colin Powell's photo in the middle, 28 times enlarged
        BufferedImage big = new BufferedImage(12000, 9000, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = big.createGraphics();
        g.drawImage(ImageIO.read(Cli.lfwImage("Colin_Powell", 133).toFile()), 2500, 1000, 7000, 7000, null);
        g.dispose();
        Path photo = tmp.getRoot().toPath().resolve("huge.jpg");
        ImageIO.write(big, "jpeg", photo.toFile());
        big = null;
        cli.expect(0, "enroll", "colin", lfw("Colin_Powell", 40));
        // a process of its own, with the heap the report had
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dfacegate.models=" + Engine.defaultModels(), "-cp", classpath, Main.class.getName(),
                "verify", "colin", photo.toString(), "--gallery", cli.gallery.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue("finished", p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(output, 0, p.exitValue());
        assertTrue(output, output.contains("colin: match"));
    }
}
