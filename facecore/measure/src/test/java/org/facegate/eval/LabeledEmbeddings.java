package org.facegate.eval;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.facegate.embed.Embedding;
import org.facegate.testing.Pipelines;
import org.facegate.testing.TestData;

/** Embeddings of every image of the first LFW dev people (by name) with enough images, and who each shows. */
final class LabeledEmbeddings {
    final List<Embedding> embeddings = new ArrayList<>();
    final List<String> identity = new ArrayList<>();

    /** The images of the first {@code people} people with at least {@code images} images each, in file order. */
    LabeledEmbeddings(int people, int images) throws Exception {
        Path dir = TestData.lfw().resolve("images");
        String[] names = dir.toFile().list();
        Arrays.sort(names);
        try (Pipelines p = new Pipelines()) {
            int taken = 0;
            for (String person : names) {
                File[] files = dir.resolve(person).toFile().listFiles();
                if (files.length < images) continue;
                Arrays.sort(files);
                for (File f : files) {
                    embeddings.add(p.pipeline.central(TestData.read(f)).embedding());
                    identity.add(person);
                }
                if (++taken == people) break;
            }
        }
    }
}
