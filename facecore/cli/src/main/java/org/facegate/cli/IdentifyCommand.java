package org.facegate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.facegate.image.RgbImage;
import org.facegate.match.Identification;
import org.facegate.match.Matcher;
import org.facegate.match.Person;
import org.facegate.pipeline.FaceResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "identify", description = "Label every face in IMG with an enrolled name or 'unknown'.")
final class IdentifyCommand implements Callable<Integer> {
    @Mixin GalleryOptions opts;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0") Path image;
    @Option(names = {"-o", "--out"}, description = "write an annotated PNG here") Path annotated;

    @Override
    public Integer call() throws Exception {
        RgbImage frame = ImageFiles.read(image);
        try (Engine engine = opts.engine(); SqliteGallery gallery = opts.openGallery()) {
            List<Person> people = gallery.comparable(engine.modelId(), spec.commandLine().getErr());
            List<FaceResult> faces = engine.pipeline.process(frame);
            if (faces.isEmpty()) throw new CliException("no face found in " + image);
            Matcher matcher = new Matcher(opts.securityLevel());
            Annotator ann = annotated == null ? null : new Annotator(ImageFiles.toBuffered(frame));
            for (FaceResult f : faces) {
                Identification id = matcher.identify(f.embedding(), people);
                String label = id.known() ? id.name() : "unknown";
                spec.commandLine().getOut().printf("face at (%.0f,%.0f %.0fx%.0f): %s (best %s %.3f)%n",
                        f.face().box().left(), f.face().box().top(), f.face().box().width(), f.face().box().height(),
                        label, id.candidate() == null ? "-" : id.candidate(), id.score());
                gallery.event(id.known() ? "IDENTIFY_KNOWN" : "IDENTIFY_UNKNOWN", id.name(), id.score());
                if (ann != null) ann.face(f.face().box(), label, id.known());
            }
            if (ann != null) ann.write(annotated);
        }
        return 0;
    }
}
