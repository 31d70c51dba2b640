package org.facegate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What `enroll` lets into the gallery, and what a gallery with bad rows still does: a stranger is not merged into an
 * enrolled person, one enrollment of two people is refused, names are checked where they come in, and a damaged
 * template row or a bad name an older version let in is left out with a warning naming the person instead of breaking
 * every command.
 */
public class EnrollRulesTest {
    @Rule public TemporaryFolder tmp = new TemporaryFolder();
    private Cli cli;

    @Before
    public void setUp() {
        cli = new Cli(tmp.getRoot().toPath().resolve("gallery.db"));
    }

    private static String lfw(String name, int n) {
        return Cli.lfwImage(name, n).toString();
    }

    /** The error is one line on stderr. */
    private void oneLineError(String starts) {
        assertTrue(cli.err, cli.err.startsWith("facegate: " + starts));
        assertEquals(cli.err, 1, cli.err.split("\n").length);
    }

    @Test
    public void aStrangerIsNotMergedIntoAnEnrolledPerson() {
        cli.expect(0, "enroll", "Tony", lfw("Tony_Blair", 18));
        cli.expect(2, "enroll", "Tony", lfw("Wen_Jiabao", 1));
        oneLineError("nothing enrolled: " + lfw("Wen_Jiabao", 1) + " does not show Tony (similarity ");
        cli.expect(0, "list");
        assertTrue(cli.out, cli.out.startsWith("Tony\towner\t1 samples"));
        cli.expect(1, "verify", "Tony", lfw("Wen_Jiabao", 2));
        // Tony's own photos are added
        cli.expect(0, "enroll", "Tony", lfw("Tony_Blair", 32));
        assertTrue(cli.out, cli.out.contains("enrolled Tony: 1 new sample(s), 2 in total"));
    }

    @Test
    public void oneEnrollmentOfTwoPeopleIsRefused() {
        cli.expect(2, "enroll", "Mix", lfw("Tony_Blair", 18), lfw("Wen_Jiabao", 1));
        oneLineError("nothing enrolled: " + lfw("Tony_Blair", 18) + " and " + lfw("Wen_Jiabao", 1) + " show different people (similarity ");
        cli.expect(0, "list");
        assertEquals("nobody is enrolled\n", cli.out);
    }

    @Test
    public void namesAreCheckedWhereTheyComeIn() {
        String[][] refused = {{"", "a name is needed"}, {"   ", "a name is needed"}, {"Tony\nBlair", "a name cannot contain line breaks"},
            {"a".repeat(65), "a name is at most 64 characters long"}};
        for (String[] r : refused) {
            cli.expect(2, "enroll", r[0], lfw("Tony_Blair", 18));
            oneLineError("cannot enroll " + SqliteGallery.shown(r[0]) + ": " + r[1]);
        }
        cli.expect(0, "list");
        assertEquals("nobody is enrolled\n", cli.out);
        // spaces around a name are not part of it
        cli.expect(0, "enroll", "  Tony Blair ", lfw("Tony_Blair", 18));
        cli.expect(0, "verify", "Tony Blair", lfw("Tony_Blair", 32));
        cli.expect(0, "verify", " Tony Blair", lfw("Tony_Blair", 32));
        cli.expect(0, "list");
        assertTrue(cli.out, cli.out.startsWith("Tony Blair\towner"));
    }

    /** Runs SQL on the gallery as another program (or an older facegate) would. */
    private void sql(String statement, Object... values) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + cli.gallery); PreparedStatement p = db.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) p.setObject(i + 1, values[i]);
            p.executeUpdate();
        }
    }

    private String modelId() {
        cli.expect(0, "list");
        return cli.out.trim().split("\n")[0].split("\t")[3];
    }

    @Test
    public void aNameAnOlderVersionLetInBreaksNothing() throws Exception {
        cli.expect(0, "enroll", "Tony", lfw("Tony_Blair", 18));
        String model = modelId();
        for (String bad : new String[] {"", "Wen\nJiabao"}) {
            sql("INSERT INTO person(name, created) VALUES(?, 0)", bad);
            sql("INSERT INTO face_template(person_id, embedding, model_id, quality, created) SELECT id, embedding, ?, 1, 0 FROM person,"
                    + " (SELECT embedding FROM face_template LIMIT 1) WHERE name = ?", model, bad);
        }
        cli.expect(0, "identify", lfw("Tony_Blair", 32));
        assertTrue(cli.out, cli.out.contains(": Tony (best Tony"));
        assertTrue(cli.err, cli.err.contains("facegate: warning: skipped \"\": a name is needed"));
        assertTrue(cli.err, cli.err.contains("facegate: warning: skipped \"Wen\\nJiabao\": a name cannot contain line breaks"));
        cli.expect(0, "verify", "Tony", lfw("Tony_Blair", 32));
        cli.expect(0, "enroll", "Colin", lfw("Colin_Powell", 40));
        cli.expect(0, "list");
        assertEquals("one line per person: " + cli.out, 4, cli.out.split("\n").length);
        assertTrue(cli.out, cli.out.contains("\"Wen\\nJiabao\"\tmember"));
        cli.expect(0, "remove", "");
        cli.expect(0, "remove", "Wen\nJiabao");
        cli.expect(0, "identify", lfw("Tony_Blair", 32));
        assertEquals("", cli.err);
    }

    private static byte[] floats(int n, float value) {
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) b.putFloat(value);
        return b.array();
    }

    @Test
    public void aDamagedTemplateRowIsLeftOutNamingThePerson() throws Exception {
        cli.expect(0, "enroll", "Tony", lfw("Tony_Blair", 18));
        cli.expect(0, "enroll", "Colin", lfw("Colin_Powell", 40));
        String model = modelId();
        String add = "INSERT INTO face_template(person_id, embedding, model_id, quality, created) SELECT id, ?, ?, 1, 0 FROM person WHERE name = ?";
        sql(add, floats(1, 1f), model, "Tony");                // 4 bytes
        sql(add, floats(192, Float.NaN), model, "Tony");
        sql(add, floats(192, 0f), model, "Tony");
        cli.expect(0, "identify", lfw("Colin_Powell", 133));
        assertTrue(cli.out, cli.out.contains(": Colin (best Colin"));
        assertTrue(cli.err, cli.err.matches("(?s)facegate: warning: skipped a damaged template of Tony \\(row \\d+: 4 bytes, expected 768\\)\n"
                + "facegate: warning: skipped a damaged template of Tony \\(row \\d+: not a number\\)\n"
                + "facegate: warning: skipped a damaged template of Tony \\(row \\d+: all zeros\\)\n"));
        cli.expect(0, "verify", "Tony", lfw("Tony_Blair", 32));
        assertTrue(cli.err, cli.err.contains("skipped a damaged template of Tony"));
        cli.expect(0, "verify", "Colin", lfw("Colin_Powell", 133));
        assertEquals("warnings about Tony only when Tony is verified", "", cli.err);
        // only damaged rows left: Tony cannot be verified, and is told what to do
        sql("DELETE FROM face_template WHERE length(embedding) = 768 AND id = (SELECT MIN(id) FROM face_template)");
        cli.expect(2, "verify", "Tony", lfw("Tony_Blair", 32));
        assertTrue(cli.err, cli.err.endsWith("facegate: Tony has no usable template (each is damaged): enroll Tony again\n"));
    }
}
