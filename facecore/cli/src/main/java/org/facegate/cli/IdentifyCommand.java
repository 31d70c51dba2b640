package org.facegate.cli;

import java.io.IOException;
import java.nio.file.Files;
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
    @Option(names = {"-o", "--out"}, description = "write the image with labeled boxes here: a .png or .jpg file, not IMG itself") Path annotated;

    @Override
    public Integer call() throws Exception {
        if (annotated != null) checkOutput();
        RgbImage frame = ImageFiles.read(image);
        var err = spec.commandLine().getErr();
        try (Engine engine = opts.engine(); SqliteGallery gallery = opts.openGallery()) {
            List<Person> people = gallery.comparable(engine.modelId(), engine.dimension(), err);
            List<FaceResult> faces = engine.pipeline.process(frame);
            if (faces.isEmpty()) throw new CliException("no face found in " + image);
            Matcher matcher = new Matcher(opts.securityLevel());
            Annotator ann = annotated == null ? null : new Annotator(ImageFiles.toBuffered(frame));
            for (FaceResult f : faces) {
                Identification id = matcher.identify(f.embedding(), people);
                String label = id.known() ? id.name() : "unknown";
                spec.commandLine().getOut().printf("face at (%.0f,%.0f %.0fx%.0f): %s (best %s %.3f)%n",
                        f.face().box().left(), f.face().box().top(), f.face().box().width(), f.face().box().height(),
                        id.known() ? label : label + ", " + id.reason().text(), id.candidate() == null ? "-" : id.candidate(), id.score());
                gallery.event(id.known() ? "IDENTIFY_KNOWN" : "IDENTIFY_UNKNOWN", id.name(), id.score(), err);
                if (ann != null) ann.face(f.face().box(), label, id.known());
            }
            if (ann != null) ann.write(annotated);
        }
        return 0;
    }

    /** Refuses, before any work, an output the command cannot write or must not: the input image itself. */
    private void checkOutput() throws CliException {
        Annotator.formatOf(annotated);
        boolean same = annotated.toAbsolutePath().normalize().equals(image.toAbsolutePath().normalize());
        try {
            same |= Files.exists(annotated) && Files.isSameFile(annotated, image);
        } catch (IOException e) {
            throw new CliException("cannot check " + annotated + ": " + e.getMessage());
        }
        if (same) throw new CliException("refusing to overwrite the input image " + image + " with the annotated one: give -o another file");
    }
}
