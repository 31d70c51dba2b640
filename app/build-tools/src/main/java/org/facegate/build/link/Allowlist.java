package org.facegate.build.link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * References that do not exist at API 26 yet may ship, each with its reason. One entry a line:
 *
 * <pre>
 *   reference | caller | reason
 * </pre>
 *
 * <ul>
 *   <li>reference: smali notation as the report prints it ({@code Lpkg/Cls;}, {@code Lpkg/Cls;->m(I)V},
 *       {@code Lpkg/Cls;->f:I}); a trailing {@code *} matches every reference starting with what precedes it
 *       (e.g. {@code Landroidx/lifecycle/*});</li>
 *   <li>caller: the class or method holding the reference, same notation and wildcard; {@code *} for any;</li>
 *   <li>reason: why it cannot fail on a phone (e.g. "API 28; called only when Build.VERSION.SDK_INT &gt;= 28"). An
 *       entry without one is an error.</li>
 * </ul>
 * Only references that are missing at API 26 can be excused; an invoke of the wrong kind, a wrong static/instance
 * access or a broken class hierarchy fails whatever the list says. An entry that excuses nothing is an error too, so
 * the list stays the list of what ships. Blank lines and {@code #} comments are ignored.
 */
final class Allowlist {
    record Entry(int line, String reference, String caller, String reason) {
        boolean matches(Finding f) {
            return f.kind().allowlistable && glob(reference, f.reference()) && glob(caller, f.caller());
        }

        private static boolean glob(String pattern, String s) {
            if (pattern.equals("*")) return true;
            return pattern.endsWith("*") ? s.startsWith(pattern.substring(0, pattern.length() - 1)) : s.equals(pattern);
        }

        @Override public String toString() {
            return "line " + line + ": " + reference + " | " + caller;
        }
    }

    private final Path file;
    private final List<Entry> entries;

    private Allowlist(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    static Allowlist none() {
        return new Allowlist(null, List.of());
    }

    /** Parses the file; an entry that does not have three fields or has an empty reason is an error naming its line. */
    static Allowlist read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        List<String> errors = new ArrayList<>();
        for (int n = 1; n <= lines.size(); n++) {
            String l = lines.get(n - 1).strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] parts = l.split("\\|", 3);
            if (parts.length < 3 || parts[2].isBlank()) {
                errors.add(file + ":" + n + ": an entry needs 'reference | caller | reason', with a reason: " + l);
                continue;
            }
            entries.add(new Entry(n, parts[0].strip(), parts[1].strip(), parts[2].strip()));
        }
        if (!errors.isEmpty()) throw new IllegalArgumentException(String.join("\n", errors));
        return new Allowlist(file, List.copyOf(entries));
    }

    List<Entry> entries() {
        return entries;
    }

    /** The first entry that excuses the finding, or null. */
    Entry excuse(Finding f) {
        for (Entry e : entries) if (e.matches(f)) return e;
        return null;
    }

    Path file() {
        return file;
    }
}
