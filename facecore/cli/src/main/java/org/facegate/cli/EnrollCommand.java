package org.facegate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.facegate.enroll.EnrollmentException;
import org.facegate.enroll.Enroller;
import org.facegate.enroll.NameIssue;
import org.facegate.enroll.PersonName;
import org.facegate.enroll.QualityIssue;
import org.facegate.enroll.QualityReport;
import org.facegate.enroll.Sample;
import org.facegate.image.RgbImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "enroll", description = "Enroll a person from one or more face images (one is enough); more images of them may be added later.")
final class EnrollCommand implements Callable<Integer> {
    @Mixin GalleryOptions opts;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", description = "the person's name (surrounding spaces removed; at most " + PersonName.MAX_LENGTH
            + " characters, no line breaks or other control characters)") String typedName;
    @Parameters(index = "1..*", arity = "1..*", description = "face images of that one person") List<Path> images;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        NameIssue issue = PersonName.issue(typedName);
        if (issue != null) throw new CliException("cannot enroll " + SqliteGallery.shown(typedName) + ": " + issue.advice());
        String name = PersonName.normalized(typedName);
        // decode everything first: a bad file fails the command before anything is written
        List<RgbImage> decoded = new ArrayList<>();
        for (Path p : images) decoded.add(ImageFiles.read(p));
        try (Engine engine = opts.engine(); SqliteGallery gallery = opts.openGallery()) {
            Enroller enroller = engine.enroller(opts.securityLevel());
            List<Sample> samples = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<String> refusals = new ArrayList<>();
            for (int i = 0; i < decoded.size(); i++) {
                QualityReport q = enroller.check(decoded.get(i));
                if (q.ok()) {
                    samples.add(enroller.sample(decoded.get(i), q));
                    labels.add(images.get(i).toString());
                    out.printf("%s: ok (eyes %.0f px, sharpness %.0f, brightness %.0f)%n", images.get(i), q.interocular(), q.sharpness(), q.brightness());
                } else {
                    List<String> why = new ArrayList<>();
                    for (QualityIssue qi : q.issues()) why.add(qi.advice());
                    refusals.add(images.get(i) + ": " + String.join("; ", why));
                    out.println(images.get(i) + ": refused: " + String.join("; ", why));
                }
            }
            if (samples.isEmpty()) throw new CliException("nothing enrolled for " + name + ": " + String.join(" | ", refusals));
            int total;
            try {
                total = gallery.enroll(name, samples, engine.modelId(), engine.dimension(), err,
                        (existing, others) -> enroller.check(name, samples, labels, existing, others));
            } catch (EnrollmentException e) {
                throw new CliException("nothing enrolled: " + e.getMessage());
            }
            out.printf("enrolled %s: %d new sample(s), %d in total%n", name, samples.size(), total);
        }
        return 0;
    }
}
