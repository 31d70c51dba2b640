package org.facegate.convert.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.facegate.eval.Pair;
import org.facegate.eval.PairsFile;

/**
 * An LFW-style evaluation set: {@code pairs.txt} and {@code images/}. The image list is every image the pairs
 * mention, each once, in order of first mention (a fixed order, so subsets taken from it are reproducible).
 *
 * @param root   the set's directory
 * @param pairs  the verification trials
 * @param images relative image paths under {@code images/}
 */
public record LfwSet(Path root, List<Pair> pairs, List<String> images) {
    public static LfwSet open(Path root) throws IOException {
        Path pairsFile = root.resolve("pairs.txt");
        if (!Files.isRegularFile(pairsFile)) throw new IOException("no LFW pairs file at " + pairsFile.toAbsolutePath());
        List<Pair> pairs;
        try (InputStream in = Files.newInputStream(pairsFile)) {
            pairs = PairsFile.parse(in);
        }
        Set<String> unique = new LinkedHashSet<>();
        for (Pair p : pairs) {
            unique.add(p.first());
            unique.add(p.second());
        }
        return new LfwSet(root, List.copyOf(pairs), List.copyOf(new ArrayList<>(unique)));
    }

    public ImageIoSource source() {
        return new ImageIoSource(root.resolve("images"));
    }

    /** Every {@code step}-th image, starting with the first: a spread-out, reproducible subset. */
    public List<String> every(int step) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < images.size(); i += step) s.add(images.get(i));
        return s;
    }
}
