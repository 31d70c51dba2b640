package org.facegate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.facegate.enroll.EnrollmentException;
import org.facegate.enroll.Enroller;
import org.facegate.enroll.QualityReport;
import org.facegate.enroll.Sample;
import org.facegate.image.RgbImage;
import org.facegate.match.GalleryIndex;
import org.facegate.match.Identification;
import org.facegate.match.Matcher;
import org.facegate.match.Person;
import org.facegate.pipeline.FaceResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", description = "One-shot enrollment and identification on the sample photos of @vladmandic/face-api.")
final class DemoCommand implements Callable<Integer> {
    @Mixin GalleryOptions opts;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--out", description = "directory for the demo gallery and annotated images (default: ${DEFAULT-VALUE})")
    Path outDir = Path.of("target", "demo");

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Path samples = opts.models.resolve("vladmandic-face-api-1.7.15/demo");
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 6; i++) files.add(samples.resolve("sample" + i + ".jpg"));
        Files.createDirectories(outDir);
        Path db = outDir.resolve("demo-gallery.db");
        Files.deleteIfExists(db);
        int enrolled = 0, recognized = 0, probes = 0, unknownFaces = 0;
        try (Engine engine = opts.engine(); SqliteGallery gallery = new SqliteGallery(db)) {
            Enroller enroller = engine.enroller(opts.securityLevel());
            out.println("== one-shot enrollment: the most prominent face of each sample photo");
            for (Path f : files) {
                RgbImage img = ImageFiles.read(f);
                FaceResult main = engine.pipeline.largest(img);
                String name = f.getFileName().toString().replace(".jpg", "");
                if (main == null) {
                    out.println(name + ": no face found");
                    continue;
                }
                QualityReport q = enroller.check(Frames.crop(img, main.face().box(), 2.2f));
                if (!q.ok()) {
                    out.println(name + ": refused: " + q.issues().get(0).advice());
                    continue;
                }
                RgbImage crop = Frames.crop(img, main.face().box(), 2.2f);
                Sample s = enroller.sample(crop, q);
                try {
                    enroller.checkNotSomeoneElse(name, Collections.singletonList(s), gallery.persons(Engine.MODEL_ID));
                } catch (EnrollmentException e) {
                    out.println(name + ": refused: " + e.getMessage());
                    continue;
                }
                gallery.enroll(name, Collections.singletonList(s), Engine.MODEL_ID);
                enrolled++;
                out.printf(Locale.ROOT, "%s: enrolled (eyes %.0f px apart)%n", name, q.interocular());
            }
            List<Person> people = gallery.persons(Engine.MODEL_ID);
            GalleryIndex index = GalleryIndex.of(people);
            Matcher matcher = new Matcher(opts.securityLevel());
            out.println("== identification on altered copies (mirrored, 60% size, darker): every face in each photo");
            for (Path f : files) {
                String name = f.getFileName().toString().replace(".jpg", "");
                RgbImage probe = Frames.alter(ImageFiles.read(f), 0.6, 0.75f);
                Annotator ann = new Annotator(ImageFiles.toBuffered(probe));
                List<String> labels = new ArrayList<>();
                for (FaceResult r : engine.pipeline.process(probe)) {
                    Identification id = matcher.identify(r.embedding(), index);
                    labels.add(id.known() ? String.format(Locale.ROOT, "%s (%.2f)", id.name(), id.score()) : "unknown");
                    ann.face(r.face().box(), id.known() ? id.name() : "unknown", id.known());
                    if (!id.known()) unknownFaces++;
                    if (id.known() && id.name().equals(name)) recognized++;
                }
                boolean enrolledHere = people.stream().anyMatch(p -> p.name().equals(name));
                if (enrolledHere) probes++;
                Path annotated = outDir.resolve(name + "-identified.png");
                ann.write(annotated);
                out.printf("%s: %d face(s): %s -> %s%n", name, labels.size(), String.join(", ", labels), annotated);
            }
        }
        out.printf(Locale.ROOT, "summary: %d enrolled from one photo each; %d of %d recognized in altered copies; %d other faces labeled unknown%n",
                enrolled, recognized, probes, unknownFaces);
        return 0;
    }
}
