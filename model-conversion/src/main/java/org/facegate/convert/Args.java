package org.facegate.convert;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} command-line options; a missing required option is an error naming it. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", Arrays.asList(args).subList(from, args.length)));
            }
            values.put(args[i].substring(2), args[++i]);
        }
    }

    String get(String name) {
        String v = values.get(name);
        if (v == null) throw new IllegalArgumentException("missing option --" + name);
        return v;
    }

    String get(String name, String dflt) {
        return values.getOrDefault(name, dflt);
    }

    Path path(String name) {
        return Path.of(get(name));
    }

    int integer(String name, int dflt) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : dflt;
    }

    /** A comma-separated option; empty list when the value is empty. */
    List<String> list(String name, String dflt) {
        String v = get(name, dflt).trim();
        return v.isEmpty() ? List.of() : Arrays.asList(v.split("\\s*,\\s*"));
    }
}
