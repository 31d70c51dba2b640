package org.facegate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.facegate.match.Matcher;
import org.facegate.match.Person;
import org.facegate.match.Verification;
import org.facegate.pipeline.FaceResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", description = "Is the face in IMG the enrolled person NAME? Exit 0 if yes, 1 if no.")
final class VerifyCommand implements Callable<Integer> {
    @Mixin GalleryOptions opts;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0") String name;
    @Parameters(index = "1") Path image;

    @Override
    public Integer call() throws Exception {
        var frame = ImageFiles.read(image);
        try (Engine engine = opts.engine(); SqliteGallery gallery = opts.openGallery()) {
            Person person = null;
            for (Person p : gallery.persons(engine.modelId())) if (p.name().equals(name)) person = p;
            if (person == null) {
                if (gallery.stale(engine.modelId()).contains(name)) {
                    throw new CliException(name + " was enrolled with another embedding model than " + engine.modelId() + ": enroll again");
                }
                throw new CliException("unknown person: " + name);
            }
            FaceResult face = engine.pipeline.largest(frame);
            if (face == null) throw new CliException("no face found in " + image);
            Verification v = new Matcher(opts.securityLevel()).verify(face.embedding(), person);
            gallery.event(v.accepted() ? "VERIFY_ACCEPT" : "VERIFY_REJECT", name, v.score());
            spec.commandLine().getOut().printf("%s: %s (similarity %.3f, threshold %.3f, level %s)%n",
                    name, v.accepted() ? "match" : "no match", v.score(), v.threshold(), opts.level);
            return v.accepted() ? 0 : 1;
        }
    }
}
