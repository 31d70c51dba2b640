package org.facegate.cli;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.facegate.embed.Embedding;
import org.facegate.enroll.Sample;
import org.facegate.match.Person;

/**
 * The CLI's gallery: an SQLite file with the same logical schema as the app's Room database (person, face
 * template with the model that made it, unlock/verify events). Every change is one transaction: a failed
 * enrollment leaves the previous state, never a partial template.
 */
public final class SqliteGallery implements AutoCloseable {
    static final int SCHEMA_VERSION = 1;
    private final Connection db;

    /** Opens (creating if needed) the gallery file. */
    public SqliteGallery(Path file) throws CliException {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            db = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = db.createStatement()) {
                int version;
                try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
                    version = r.getInt(1);
                }
                if (version > SCHEMA_VERSION) {
                    db.close();
                    throw new CliException("gallery " + file + " has schema version " + version + ", newer than this facegate ("
                            + SCHEMA_VERSION + "): upgrade facegate");
                }
                s.execute("PRAGMA foreign_keys = ON");
                s.execute("CREATE TABLE IF NOT EXISTS person (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE,"
                        + " role TEXT NOT NULL DEFAULT 'MEMBER', may_unlock INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS face_template (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE, embedding BLOB NOT NULL,"
                        + " model_id TEXT NOT NULL, quality REAL NOT NULL, created INTEGER NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS face_template_person ON face_template(person_id)");
                s.execute("CREATE TABLE IF NOT EXISTS unlock_event (id INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL,"
                        + " outcome TEXT NOT NULL, person_id INTEGER REFERENCES person(id) ON DELETE SET NULL, score REAL)");
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            }
        } catch (SQLException | java.io.IOException e) {
            throw new CliException("cannot open gallery " + file + ": " + e.getMessage());
        }
    }

    /**
     * Adds samples to a person (created if new) in one transaction.
     *
     * @return the number of samples the person has afterwards
     */
    public int enroll(String name, List<Sample> samples, String modelId) throws CliException {
        try {
            db.setAutoCommit(false);
            try {
                long id = personId(name);
                if (id < 0) {
                    try (PreparedStatement p = db.prepareStatement("INSERT INTO person(name, role, may_unlock, created) VALUES(?,?,?,?)",
                            Statement.RETURN_GENERATED_KEYS)) {
                        boolean first = count("SELECT COUNT(*) FROM person") == 0;
                        p.setString(1, name);
                        p.setString(2, first ? "OWNER" : "MEMBER");
                        p.setInt(3, first ? 1 : 0);
                        p.setLong(4, System.currentTimeMillis());
                        p.executeUpdate();
                        try (ResultSet k = p.getGeneratedKeys()) {
                            id = k.getLong(1);
                        }
                    }
                }
                try (PreparedStatement p = db.prepareStatement(
                        "INSERT INTO face_template(person_id, embedding, model_id, quality, created) VALUES(?,?,?,?,?)")) {
                    for (Sample s : samples) {
                        p.setLong(1, id);
                        p.setBytes(2, toBlob(s.embedding()));
                        p.setString(3, modelId);
                        p.setFloat(4, s.quality());
                        p.setLong(5, System.currentTimeMillis());
                        p.executeUpdate();
                    }
                }
                db.commit();
                return (int) count("SELECT COUNT(*) FROM face_template WHERE person_id = " + id);
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new CliException("cannot save " + name + ": " + e.getMessage());
        }
    }

    /** Everyone with templates made by {@code modelId}. Templates of other models are never compared silently. */
    public List<Person> persons(String modelId) throws CliException {
        Map<String, List<Embedding>> byName = new LinkedHashMap<>();
        try (PreparedStatement p = db.prepareStatement("SELECT person.name, face_template.embedding FROM person"
                + " JOIN face_template ON face_template.person_id = person.id WHERE face_template.model_id = ? ORDER BY person.name, face_template.id")) {
            p.setString(1, modelId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) byName.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(fromBlob(r.getBytes(2)));
            }
        } catch (SQLException e) {
            throw new CliException("cannot read gallery: " + e.getMessage());
        }
        List<Person> out = new ArrayList<>();
        for (Map.Entry<String, List<Embedding>> e : byName.entrySet()) out.add(new Person(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * Everyone {@code modelId} can be compared with ({@link #persons}). People enrolled only with another model
     * are not left out silently: {@code warn} gets one line naming them and telling them to enroll again.
     */
    public List<Person> comparable(String modelId, PrintWriter warn) throws CliException {
        List<String> stale = stale(modelId);
        if (!stale.isEmpty()) {
            warn.println("facegate: warning: " + String.join(", ", stale) + (stale.size() == 1 ? " was" : " were")
                    + " enrolled with another embedding model than " + modelId + " and cannot be compared: enroll again");
        }
        return persons(modelId);
    }

    /** Names of people enrolled only with another model: they must re-enroll. */
    public List<String> stale(String modelId) throws CliException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT name FROM person WHERE NOT EXISTS (SELECT 1 FROM face_template"
                + " WHERE person_id = person.id AND model_id = ?) ORDER BY name")) {
            p.setString(1, modelId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new CliException("cannot read gallery: " + e.getMessage());
        }
        return out;
    }

    /** One line per person: name, role, sample count. */
    public List<String> describe() throws CliException {
        List<String> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT person.name, person.role, COUNT(face_template.id),"
                + " GROUP_CONCAT(DISTINCT face_template.model_id) FROM person LEFT JOIN face_template ON face_template.person_id = person.id"
                + " GROUP BY person.id ORDER BY person.name")) {
            while (r.next()) {
                out.add(r.getString(1) + "\t" + r.getString(2).toLowerCase() + "\t" + r.getInt(3) + " samples\t" + r.getString(4));
            }
        } catch (SQLException e) {
            throw new CliException("cannot read gallery: " + e.getMessage());
        }
        return out;
    }

    /** Removes a person and their templates. */
    public void remove(String name) throws CliException {
        try (PreparedStatement p = db.prepareStatement("DELETE FROM person WHERE name = ?")) {
            p.setString(1, name);
            if (p.executeUpdate() == 0) throw new CliException("unknown person: " + name);
        } catch (SQLException e) {
            throw new CliException("cannot remove " + name + ": " + e.getMessage());
        }
    }

    /** Records a verification or identification outcome. */
    public void event(String outcome, String name, float score) throws CliException {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO unlock_event(time, outcome, person_id, score)"
                + " VALUES(?, ?, (SELECT id FROM person WHERE name = ?), ?)")) {
            p.setLong(1, System.currentTimeMillis());
            p.setString(2, outcome);
            p.setString(3, name);
            p.setFloat(4, score);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new CliException("cannot record event: " + e.getMessage());
        }
    }

    /** Number of recorded events (for tests and `list`). */
    public long events() throws CliException {
        try {
            return count("SELECT COUNT(*) FROM unlock_event");
        } catch (SQLException e) {
            throw new CliException("cannot read gallery: " + e.getMessage());
        }
    }

    private long personId(String name) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT id FROM person WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getLong(1) : -1;
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.getLong(1);
        }
    }

    static byte[] toBlob(Embedding e) {
        ByteBuffer b = ByteBuffer.allocate(4 * e.dimension()).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : e.values()) b.putFloat(v);
        return b.array();
    }

    static Embedding fromBlob(byte[] blob) {
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[blob.length / 4];
        for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
        return new Embedding(v);
    }

    @Override
    public void close() throws CliException {
        try {
            db.close();
        } catch (SQLException e) {
            throw new CliException("cannot close gallery: " + e.getMessage());
        }
    }
}
