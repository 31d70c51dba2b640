package org.facegate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.facegate.enroll.PersonName;
import org.facegate.match.Matcher;
import org.facegate.match.Person;
import org.facegate.match.Verification;
import org.facegate.pipeline.FaceResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", description = "Is the face in IMG the enrolled person NAME? Exit 0 if yes, 1 if no, 2 on an error.")
final class VerifyCommand implements Callable<Integer> {
    @Mixin GalleryOptions opts;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0") String name;
    @Parameters(index = "1") Path image;

    @Override
    public Integer call() throws Exception {
        var frame = ImageFiles.read(image);
        var err = spec.commandLine().getErr();
        String stored = PersonName.normalized(name);
        try (Engine engine = opts.engine(); SqliteGallery gallery = opts.openGallery()) {
            SqliteGallery.Templates templates = gallery.templates(engine.modelId(), engine.dimension());
            templates.warnAbout(stored, err);
            Person person = templates.person(stored);
            if (person == null) throw new CliException(templates.whyNot(stored));
            FaceResult face = engine.pipeline.largest(frame);
            if (face == null) throw new CliException("no face found in " + image);
            Verification v = new Matcher(opts.securityLevel()).verify(face.embedding(), person);
            gallery.event(v.accepted() ? "VERIFY_ACCEPT" : "VERIFY_REJECT", stored, v.score(), err);
            spec.commandLine().getOut().printf("%s: %s (similarity %.3f, threshold %.3f, level %s)%n",
                    stored, v.accepted() ? "match" : "no match", v.score(), v.threshold(), opts.level);
            return v.accepted() ? 0 : 1;
        }
    }
}
