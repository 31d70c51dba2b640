package org.facegate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.facegate.embed.Embedding;
import org.facegate.enroll.EnrollmentException;
import org.facegate.enroll.NameIssue;
import org.facegate.enroll.PersonName;
import org.facegate.enroll.Sample;
import org.facegate.match.Person;
import org.sqlite.SQLiteConfig;

/**
 * The CLI's gallery: an SQLite file with the same logical schema as the app's Room database (person, face
 * template with the model that made it, unlock/verify events). Every change is one transaction: a failed
 * enrollment leaves the previous state, never a partial template. Several facegate commands may use one gallery at
 * once: it is in WAL mode (readers never wait for a writer), a writer waits for another up to
 * {@link #BUSY_TIMEOUT_MS}, and an enrollment checks the gallery and writes to it in one write transaction, so two
 * parallel enrollments of one face under two names cannot both pass the check. A gallery the user may not write is
 * opened read-only: it can be listed and matched against, and opening writes nothing when the schema is in place.
 */
public final class SqliteGallery implements AutoCloseable {
    static final int SCHEMA_VERSION = 1;
    /**
     * How long a command waits for another one's write transaction. An enrollment holds the lock for milliseconds
     * (its images are embedded before): 30 s covers a queue of hundreds of them.
     */
    static final int BUSY_TIMEOUT_MS = 30_000;
    private static final int SQLITE_BUSY = 5, SQLITE_LOCKED = 6, SQLITE_READONLY = 8, SQLITE_IOERR = 10, SQLITE_FULL = 13, SQLITE_CANTOPEN = 14;
    /** Free space under which an I/O error counts as a full disk: less than a few SQLite pages and a WAL index. */
    private static final long NEARLY_FULL_BYTES = 256 * 1024;

    private final Path file;
    private final boolean readOnly;
    private final Connection db;
    private boolean toldReadOnly;

    /** Opens (creating if needed) the gallery file; its folder must exist. */
    public SqliteGallery(Path file) throws CliException {
        this.file = file;
        this.readOnly = Files.exists(file) && !Files.isWritable(file);
        try {
            db = connect();
        } catch (SQLException e) {
            throw failure("cannot open gallery " + file, e);
        }
        try {
            prepare();
        } catch (SQLException e) {
            closeAfter(e);
            throw failure("cannot open gallery " + file, e);
        } catch (CliException | RuntimeException e) {
            closeAfter(e);
            throw e;
        }
    }

    private void closeAfter(Exception cause) {
        try {
            db.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private Connection connect() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setReadOnly(readOnly);
        try {
            return config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            // a WAL gallery in a folder nobody may write has no shared-memory file and cannot get one: read it as an
            // immutable file (nobody can change it there either)
            Path dir = file.toAbsolutePath().getParent();
            if (!readOnly || (e.getErrorCode() & 0xFF) != SQLITE_CANTOPEN || Files.isWritable(dir)) throw e;
            return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?immutable=1");
        }
    }

    /** Creates the schema of a new gallery; an existing one of this version is only read. */
    private void prepare() throws SQLException, CliException {
        int version;
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            version = r.getInt(1);
        }
        if (version > SCHEMA_VERSION) {
            throw new CliException("gallery " + file + " has schema version " + version + ", newer than this facegate ("
                    + SCHEMA_VERSION + "): upgrade facegate");
        }
        if (readOnly) {
            if (version < SCHEMA_VERSION) throw new CliException("gallery " + file + " is read-only and has no FaceGate schema");
            return;
        }
        try (Statement s = db.createStatement()) {
            // WAL is a property of the file: set once (a new gallery, or one made before this mode was used)
            boolean wal;
            try (ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
                wal = "wal".equalsIgnoreCase(r.getString(1));
            }
            if (!wal) s.execute("PRAGMA journal_mode = WAL");
            if (version == SCHEMA_VERSION) return;
            s.execute("BEGIN IMMEDIATE");
            try {
                s.execute("CREATE TABLE IF NOT EXISTS person (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE,"
                        + " role TEXT NOT NULL DEFAULT 'MEMBER', may_unlock INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS face_template (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE, embedding BLOB NOT NULL,"
                        + " model_id TEXT NOT NULL, quality REAL NOT NULL, created INTEGER NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS face_template_person ON face_template(person_id)");
                s.execute("CREATE TABLE IF NOT EXISTS unlock_event (id INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL,"
                        + " outcome TEXT NOT NULL, person_id INTEGER REFERENCES person(id) ON DELETE SET NULL, score REAL)");
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                s.execute("COMMIT");
            } catch (SQLException e) {
                rollback(e);
                throw e;
            }
        }
    }

    /** What enrollment checks inside its write transaction, on the gallery as it is then. */
    public interface EnrollmentCheck {
        /**
         * @param existing the person's samples made by the model enrolling (empty for a new person)
         * @param others   everyone else the model can compare with
         */
        void check(List<Embedding> existing, List<Person> others) throws EnrollmentException;
    }

    /**
     * Adds samples to a person (created if new) in one write transaction, after {@code check} passed on the gallery
     * as it is inside that transaction.
     *
     * @param dimension the model's embedding length (rows of another length are damaged and left out, see {@link #templates})
     * @param warn      gets a line for each person or template row left out
     * @return the number of samples the person has afterwards
     * @throws EnrollmentException when {@code check} refuses: nothing is written
     */
    public int enroll(String name, List<Sample> samples, String modelId, int dimension, PrintWriter warn, EnrollmentCheck check)
            throws CliException, EnrollmentException {
        if (readOnly) throw new CliException("cannot save " + name + ": gallery " + file + " is read-only");
        try (Statement s = db.createStatement()) {
            // IMMEDIATE takes the write lock now (waiting up to the busy timeout for another writer): the check
            // below sees every enrollment committed before, and none can slip in before this one commits
            s.execute("BEGIN IMMEDIATE");
            try {
                Templates gallery = templates(modelId, dimension);
                gallery.warnAll(warn);
                Person person = gallery.person(name);
                List<Person> others = new ArrayList<>(gallery.people());
                others.remove(person);
                check.check(person == null ? List.of() : person.samples(), others);
                long id = personId(name);
                if (id < 0) id = insertPerson(name);
                try (PreparedStatement p = db.prepareStatement(
                        "INSERT INTO face_template(person_id, embedding, model_id, quality, created) VALUES(?,?,?,?,?)")) {
                    for (Sample sample : samples) {
                        p.setLong(1, id);
                        p.setBytes(2, toBlob(sample.embedding()));
                        p.setString(3, modelId);
                        p.setFloat(4, sample.quality());
                        p.setLong(5, System.currentTimeMillis());
                        p.executeUpdate();
                    }
                }
                int total = (int) count("SELECT COUNT(*) FROM face_template WHERE person_id = " + id);
                s.execute("COMMIT");
                return total;
            } catch (SQLException | CliException | EnrollmentException | RuntimeException e) {
                rollback(e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot save " + name, e);
        }
    }

    private long insertPerson(String name) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO person(name, role, may_unlock, created) VALUES(?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            boolean first = count("SELECT COUNT(*) FROM person") == 0;
            p.setString(1, name);
            p.setString(2, first ? "OWNER" : "MEMBER");
            p.setInt(3, first ? 1 : 0);
            p.setLong(4, System.currentTimeMillis());
            p.executeUpdate();
            try (ResultSet k = p.getGeneratedKeys()) {
                return k.getLong(1);
            }
        }
    }

    /** Rolls back after {@code cause}; SQLite may have rolled back already (a full disk does), which is no new error. */
    private void rollback(Exception cause) {
        try (Statement s = db.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** A line about a person the model cannot compare with, or a template row left out. */
    public record Warning(String name, String text) {}

    /**
     * The templates one model can compare with.
     *
     * @param modelId  the model
     * @param people   everyone with at least one usable template of the model
     * @param stale    people enrolled only with other models
     * @param unusable people with templates of the model, none usable: name to the reason
     * @param warnings one per person or template row left out
     */
    public record Templates(String modelId, List<Person> people, List<String> stale, Map<String, String> unusable, List<Warning> warnings) {
        /** The person of this name (as stored, {@link PersonName#normalized}), or null. */
        public Person person(String name) {
            for (Person p : people) if (p.name().equals(name)) return p;
            return null;
        }

        /** Why {@code name} cannot be compared: another model, no usable template, or not enrolled. */
        public String whyNot(String name) {
            if (stale.contains(name)) return shown(name) + " was enrolled with another embedding model than " + modelId + ": enroll again";
            if (unusable.containsKey(name)) return unusable.get(name);
            return "unknown person: " + shown(name);
        }

        /**
         * Every warning, one line each: people enrolled only with another model are not left out silently (one line
         * naming them and telling them to enroll again), nor is any person or row left out.
         */
        public void warnAll(PrintWriter warn) {
            if (!stale.isEmpty()) {
                List<String> names = new ArrayList<>();
                for (String n : stale) names.add(shown(n));
                warn.println("facegate: warning: " + String.join(", ", names) + (names.size() == 1 ? " was" : " were")
                        + " enrolled with another embedding model than " + modelId + " and cannot be compared: enroll again");
            }
            for (Warning w : warnings) warn.println("facegate: warning: " + w.text());
        }

        /** The warnings about one person. */
        public void warnAbout(String name, PrintWriter warn) {
            for (Warning w : warnings) if (w.name().equals(name)) warn.println("facegate: warning: " + w.text());
        }
    }

    /**
     * Everyone {@code modelId} can be compared with. Nothing unusable stops the others from being compared: a template
     * row of the wrong length, with a NaN or infinite value or all zeros is left out, a person whose name no longer
     * passes {@link PersonName} too (older versions let such names in), each with a warning naming the person; people
     * enrolled only with another model are listed in {@link Templates#stale()}.
     *
     * @param dimension the model's embedding length
     */
    public Templates templates(String modelId, int dimension) throws CliException {
        Map<String, List<Embedding>> byName = new LinkedHashMap<>();
        Map<String, String> unusable = new LinkedHashMap<>();
        List<Warning> warnings = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT person.name, face_template.id, face_template.embedding FROM person"
                + " JOIN face_template ON face_template.person_id = person.id WHERE face_template.model_id = ? ORDER BY person.name, face_template.id")) {
            p.setString(1, modelId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String name = r.getString(1);
                    NameIssue issue = PersonName.issue(name);
                    if (issue != null) {
                        if (unusable.put(name, shown(name) + " cannot be used: " + issue.advice() + "; remove it with facegate remove") == null) {
                            warnings.add(new Warning(name, "skipped " + shown(name) + ": " + issue.advice() + "; remove it with facegate remove"));
                        }
                        continue;
                    }
                    byte[] blob = r.getBytes(3);
                    String damage = damage(blob, dimension);
                    if (damage != null) {
                        warnings.add(new Warning(name, String.format(Locale.ROOT, "skipped a damaged template of %s (row %d: %s)", shown(name), r.getLong(2), damage)));
                        if (!byName.containsKey(name)) unusable.put(name, shown(name) + " has no usable template (each is damaged): enroll " + shown(name) + " again");
                        continue;
                    }
                    byName.computeIfAbsent(name, k -> new ArrayList<>()).add(new Embedding(values(blob)));
                    unusable.remove(name);
                }
            }
        } catch (SQLException e) {
            throw failure("cannot read gallery " + file, e);
        }
        List<Person> people = new ArrayList<>();
        for (Map.Entry<String, List<Embedding>> e : byName.entrySet()) people.add(new Person(e.getKey(), e.getValue()));
        for (Map.Entry<String, String> e : unusable.entrySet()) {
            if (PersonName.issue(e.getKey()) == null) warnings.add(new Warning(e.getKey(), e.getValue()));
        }
        return new Templates(modelId, people, stale(modelId), unusable, warnings);
    }

    /** Why a stored template cannot be compared, or null when it can. */
    private static String damage(byte[] blob, int dimension) {
        if (blob == null || blob.length != 4 * dimension) {
            return (blob == null ? 0 : blob.length) + " bytes, expected " + 4 * dimension;
        }
        double norm = 0;
        for (float v : values(blob)) {
            if (!Float.isFinite(v)) return "not a number";
            norm += v * v;
        }
        return norm == 0 ? "all zeros" : null;
    }

    /** Everyone {@code modelId} can be compared with ({@link #templates}), with every warning on {@code warn}. */
    public List<Person> comparable(String modelId, int dimension, PrintWriter warn) throws CliException {
        Templates t = templates(modelId, dimension);
        t.warnAll(warn);
        return t.people();
    }

    /** Names of people enrolled only with another model: they must re-enroll. */
    private List<String> stale(String modelId) throws CliException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT name FROM person WHERE NOT EXISTS (SELECT 1 FROM face_template"
                + " WHERE person_id = person.id AND model_id = ?) ORDER BY name")) {
            p.setString(1, modelId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw failure("cannot read gallery " + file, e);
        }
        return out;
    }

    /** One line per person: name (escaped if it is not a valid name), role, sample count, models. */
    public List<String> describe() throws CliException {
        List<String> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT person.name, person.role, COUNT(face_template.id),"
                + " GROUP_CONCAT(DISTINCT face_template.model_id) FROM person LEFT JOIN face_template ON face_template.person_id = person.id"
                + " GROUP BY person.id ORDER BY person.name")) {
            while (r.next()) {
                out.add(shown(r.getString(1)) + "\t" + r.getString(2).toLowerCase(Locale.ROOT) + "\t" + r.getInt(3) + " samples\t" + r.getString(4));
            }
        } catch (SQLException e) {
            throw failure("cannot read gallery " + file, e);
        }
        return out;
    }

    /**
     * Removes a person and their templates: the name exactly as stored (so that a name older versions let in can
     * still be removed), else as {@link PersonName#normalized}.
     */
    public void remove(String name) throws CliException {
        if (readOnly) throw new CliException("cannot remove " + shown(name) + ": gallery " + file + " is read-only");
        try (PreparedStatement p = db.prepareStatement("DELETE FROM person WHERE name = ?")) {
            p.setString(1, name);
            if (p.executeUpdate() > 0) return;
            p.setString(1, PersonName.normalized(name));
            if (p.executeUpdate() == 0) throw new CliException("unknown person: " + shown(name));
        } catch (SQLException e) {
            throw failure("cannot remove " + shown(name), e);
        }
    }

    /**
     * Records a verification or identification outcome; a read-only gallery cannot record it, which is said on
     * {@code warn} and is no reason to withhold the answer.
     */
    public void event(String outcome, String name, float score, PrintWriter warn) throws CliException {
        if (readOnly) {
            if (!toldReadOnly) warn.println("facegate: warning: gallery " + file + " is read-only: outcomes are not logged");
            toldReadOnly = true;
            return;
        }
        try (PreparedStatement p = db.prepareStatement("INSERT INTO unlock_event(time, outcome, person_id, score)"
                + " VALUES(?, ?, (SELECT id FROM person WHERE name = ?), ?)")) {
            p.setLong(1, System.currentTimeMillis());
            p.setString(2, outcome);
            p.setString(3, name);
            p.setFloat(4, score);
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot record the outcome", e);
        }
    }

    /** Number of recorded events (for tests and `list`). */
    public long events() throws CliException {
        try {
            return count("SELECT COUNT(*) FROM unlock_event");
        } catch (SQLException e) {
            throw failure("cannot read gallery " + file, e);
        }
    }

    /**
     * The error of a failed SQLite call, in words: a full disk, a gallery busy for too long, a read-only one. SQLite
     * reports a full disk as SQLITE_FULL when a page write fails, but as an I/O error when the shared-memory file
     * cannot grow, so an I/O error on a file system with next to no space left is a full disk too.
     */
    private CliException failure(String doing, SQLException e) {
        int code = e.getErrorCode() & 0xFF;
        if (code == SQLITE_IOERR && nearlyFull()) code = SQLITE_FULL;
        return switch (code) {
            case SQLITE_FULL -> new CliException(doing + ": disk full (gallery " + file + ")");
            case SQLITE_BUSY, SQLITE_LOCKED -> new CliException(doing + ": gallery " + file + " is busy: another facegate command held it for more than "
                    + BUSY_TIMEOUT_MS / 1000 + " s");
            case SQLITE_READONLY -> new CliException(doing + ": gallery " + file + " is read-only");
            default -> new CliException(doing + ": " + e.getMessage());
        };
    }

    private boolean nearlyFull() {
        try {
            return Files.getFileStore(file.toAbsolutePath().getParent()).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    /** A name as printed: as is when it is a valid name, else quoted with its control characters escaped. */
    static String shown(String name) {
        if (PersonName.issue(name) == null) return name;
        StringBuilder sb = new StringBuilder("\"");
        for (char c : name.toCharArray()) {
            if (c == '\n') sb.append("\\n");
            else if (c == '\t') sb.append("\\t");
            else if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR || Character.isSurrogate(c)) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else sb.append(c);
        }
        return sb.append('"').toString();
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

    private static float[] values(byte[] blob) {
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[blob.length / 4];
        for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
        return v;
    }

    @Override
    public void close() throws CliException {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure("cannot close gallery " + file, e);
        }
    }
}
