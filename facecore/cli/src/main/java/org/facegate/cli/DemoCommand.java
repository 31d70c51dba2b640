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
            out.println("== one-shot enrollment: from each sample photo, the largest face that passes the quality gate");
            for (Path f : files) {
                RgbImage img = ImageFiles.read(f);
                String name = f.getFileName().toString().replace(".jpg", "");
                List<FaceResult> faces = new ArrayList<>(engine.pipeline.process(img));
                faces.sort((a, b) -> Float.compare(b.face().box().area(), a.face().box().area()));
                List<String> refusals = new ArrayList<>();
                Sample sample = null;
                QualityReport quality = null;
                for (FaceResult face : faces) {
                    // a group photo: judge each face on its own crop, as if that person stood before the camera
                    RgbImage crop = Frames.crop(img, face.face().box(), 2.2f);
                    QualityReport q = enroller.check(crop);
                    if (!q.ok()) {
                        refusals.add(q.issues().get(0).advice());
                        continue;
                    }
                    sample = enroller.sample(crop, q);
                    quality = q;
                    break;
                }
                if (sample == null) {
                    out.println(name + ": nobody enrolled: " + (faces.isEmpty() ? "no face found" : String.join("; ", refusals)));
                    continue;
                }
                List<Sample> one = Collections.singletonList(sample);
                try {
                    gallery.enroll(name, one, engine.modelId(), engine.dimension(), spec.commandLine().getErr(),
                            (existing, others) -> enroller.check(name, one, List.of(f.getFileName().toString()), existing, others));
                } catch (EnrollmentException e) {
                    out.println(name + ": refused: " + e.getMessage());
                    continue;
                }
                enrolled++;
                out.printf(Locale.ROOT, "%s: enrolled (eyes %.0f px apart%s)%n", name, quality.interocular(),
                        refusals.isEmpty() ? "" : "; larger faces refused: " + String.join("; ", refusals));
            }
            List<Person> people = gallery.comparable(engine.modelId(), engine.dimension(), spec.commandLine().getErr());
            GalleryIndex index = GalleryIndex.of(people);
            Matcher matcher = new Matcher(opts.securityLevel());
            out.println("== identification on altered copies (mirrored, 80% size, darker): every face in each photo");
            for (Path f : files) {
                String name = f.getFileName().toString().replace(".jpg", "");
                RgbImage probe = Frames.alter(ImageFiles.read(f), 0.8, 0.75f);
                Annotator ann = new Annotator(ImageFiles.toBuffered(probe));
                List<String> labels = new ArrayList<>();
                for (FaceResult r : engine.pipeline.process(probe)) {
                    Identification id = matcher.identify(r.embedding(), index);
                    labels.add(id.known() ? String.format(Locale.ROOT, "%s (%.2f)", id.name(), id.score())
                            : String.format(Locale.ROOT, "unknown (closest %s %.2f)", id.candidate(), id.score()));
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
        out.printf(Locale.ROOT, "threshold: %.3f (security level %s)%n", new Matcher(opts.securityLevel()).threshold(), opts.level);
        out.printf(Locale.ROOT, "summary: %d enrolled from one photo each; %d of %d recognized in altered copies; %d other faces labeled unknown%n",
                enrolled, recognized, probes, unknownFaces);
        return 0;
    }
}
