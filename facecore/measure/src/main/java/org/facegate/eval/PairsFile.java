package org.facegate.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the LFW View-2 {@code pairs.txt}: a header {@code <sets> <pairsPerSide>}, then per set that many matched
 * lines {@code name i j} followed by as many mismatched lines {@code name1 i name2 j}.
 */
public final class PairsFile {
    private PairsFile() {}

    /** Image path of the {@code n}-th (1-based) image of a person, relative to {@code images/}. */
    public static String imagePath(String name, int n) {
        return name + "/" + name + "_" + String.format(Locale.ROOT, "%04d", n) + ".jpg";
    }

    /**
     * @throws IOException on a malformed header or line, naming the line number
     */
    public static List<Pair> parse(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = r.readLine();
        if (header == null) throw new IOException("pairs file is empty");
        String[] h = header.trim().split("\\s+");
        int sets, perSide;
        try {
            sets = Integer.parseInt(h[0]);
            perSide = Integer.parseInt(h[1]);
        } catch (RuntimeException e) {
            throw new IOException("pairs file header must be '<sets> <pairs>', got: " + header);
        }
        List<Pair> pairs = new ArrayList<>(sets * perSide * 2);
        int lineNo = 1;
        for (int set = 0; set < sets; set++) {
            for (int i = 0; i < 2 * perSide; i++) {
                String line = r.readLine();
                lineNo++;
                if (line == null) throw new IOException("pairs file ends early at line " + lineNo);
                String[] f = line.trim().split("\\s+");
                try {
                    if (f.length == 3) {
                        pairs.add(new Pair(imagePath(f[0], Integer.parseInt(f[1])), imagePath(f[0], Integer.parseInt(f[2])), true, set));
                    } else if (f.length == 4) {
                        pairs.add(new Pair(imagePath(f[0], Integer.parseInt(f[1])), imagePath(f[2], Integer.parseInt(f[3])), false, set));
                    } else {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw new IOException("malformed pairs line " + lineNo + ": " + line);
                }
            }
        }
        return pairs;
    }
}
