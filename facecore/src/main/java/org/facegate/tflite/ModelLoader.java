package org.facegate.tflite;

import org.facegate.inference.ModelException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads model files and refuses any whose sha256 is not the one pinned for its name, so a truncated download,
 * a corrupted asset or a swapped file fails with a clear message instead of producing wrong embeddings.
 * The pinned hashes live in the resource {@code org/facegate/tflite/models.sha256} ({@code sha256  name} lines,
 * the format of {@code sha256sum}); callers may add more (e.g. the converted models an app ships).
 */
public final class ModelLoader {
    private final ModelSource source;
    private final Map<String, String> sha256ByName;

    public ModelLoader(ModelSource source, Map<String, String> sha256ByName) {
        this.source = source;
        this.sha256ByName = new HashMap<>(sha256ByName);
    }

    /** A loader that knows the hashes of every model facecore ships support for. */
    public static ModelLoader withBuiltInHashes(ModelSource source) {
        try (InputStream in = ModelLoader.class.getResourceAsStream("models.sha256")) {
            if (in == null) throw new IllegalStateException("resource models.sha256 missing from facecore");
            return new ModelLoader(source, parseSums(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read models.sha256", e);
        }
    }

    /** Parses {@code sha256sum}-style lines; blank lines and {@code #} comments are skipped. */
    public static Map<String, String> parseSums(InputStream in) throws IOException {
        Map<String, String> m = new HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            line = line.trim();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split("\\s+");
            if (f.length != 2 || f[0].length() != 64) throw new IOException("malformed checksum line: " + line);
            m.put(f[1].startsWith("*") ? f[1].substring(1) : f[1], f[0].toLowerCase());
        }
        return m;
    }

    /**
     * Opens and verifies a model.
     *
     * @throws ModelException if the file is missing, has no pinned hash, is not a TFLite flatbuffer, or its sha256
     *     differs from the pinned one; the message names the file and both hashes
     */
    public ByteBuffer load(String name) throws ModelException {
        String expected = sha256ByName.get(name);
        if (expected == null) throw new ModelException("model " + name + " has no pinned sha256; refusing to load it");
        ByteBuffer buf;
        try {
            buf = source.open(name);
        } catch (IOException e) {
            throw new ModelException("cannot read model " + name + ": " + e.getMessage(), e);
        }
        String actual = sha256(buf);
        if (!actual.equals(expected)) {
            throw new ModelException("model " + name + " failed its checksum (expected sha256 " + expected + ", got "
                    + actual + ", " + buf.capacity() + " bytes): truncated, corrupt or replaced file");
        }
        // pinned hashes only name real models, but a catalog entry may be wrong: check the flatbuffer identifier too
        if (!isTflite(buf)) throw new ModelException("model " + name + " is not a TFLite flatbuffer (no TFL3 identifier)");
        return buf;
    }

    /** Whether a buffer starts like a TFLite model: the flatbuffer file identifier "TFL3" at byte 4. */
    public static boolean isTflite(ByteBuffer buf) {
        return buf.capacity() >= 8 && buf.get(4) == 'T' && buf.get(5) == 'F' && buf.get(6) == 'L' && buf.get(7) == '3';
    }

    /** Hex sha256 of a buffer's whole content, without moving its position. */
    public static String sha256(ByteBuffer buf) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((ByteBuffer) ((Buffer) buf.duplicate()).clear());
            StringBuilder sb = new StringBuilder(64);
            for (byte b : md.digest()) sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
