package org.facegate.match;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A named operating point: the similarity threshold at which the calibration run measured a given false-accept
 * rate, with the false-reject rate it cost. Thresholds are not picked by hand: {@code facegate calibrate} computes
 * them from the impostor score distribution of a labeled face set and writes {@code security-levels.properties}
 * (committed beside this class), which names the model and data they were measured with.
 *
 * @param name      "relaxed", "standard" or "strict"
 * @param far       target false-accept rate (impostor trials accepted)
 * @param threshold cosine similarity at or above which a face is accepted
 * @param frr       false-reject rate measured at that threshold (genuine trials rejected)
 * @param margin    lead over the runner-up person required by identification
 */
public record SecurityLevel(String name, double far, float threshold, double frr, float margin) {
    private static final String RESOURCE = "security-levels.properties";
    private static List<SecurityLevel> levels;

    /** All calibrated levels, most permissive first. */
    public static synchronized List<SecurityLevel> all() {
        if (levels == null) levels = Collections.unmodifiableList(load());
        return levels;
    }

    /** The level with this name. */
    public static SecurityLevel named(String name) {
        for (SecurityLevel l : all()) if (l.name.equals(name)) return l;
        throw new IllegalArgumentException("no security level '" + name + "'; known: " + names());
    }

    /** The default for unlocking: false-accept rate 1e-3. */
    public static SecurityLevel standard() {
        return named("standard");
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        for (SecurityLevel l : all()) n.add(l.name);
        return n;
    }

    private static List<SecurityLevel> load() {
        Properties p = new Properties();
        try (InputStream in = SecurityLevel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " missing: run facegate calibrate");
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
        List<SecurityLevel> out = new ArrayList<>();
        for (String name : p.getProperty("levels").split(",")) {
            String n = name.trim();
            out.add(new SecurityLevel(n, Double.parseDouble(p.getProperty(n + ".far")),
                    Float.parseFloat(p.getProperty(n + ".threshold")), Double.parseDouble(p.getProperty(n + ".frr")),
                    Float.parseFloat(p.getProperty("margin"))));
        }
        return out;
    }

    /** One line for settings screens and reports, e.g. "standard: 1 false accept in 1,000 (FRR 1.2%)". */
    public String describe() {
        return String.format(Locale.ROOT, "%s: 1 false accept in %,d (false rejects %.1f%%)", name,
                Math.round(1 / far), 100 * frr);
    }
}
