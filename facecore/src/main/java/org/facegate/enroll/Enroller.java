package org.facegate.enroll;

import java.util.ArrayList;
import java.util.List;
import org.facegate.align.Aligner;
import org.facegate.detect.FaceDetector;
import org.facegate.embed.Embedder;
import org.facegate.embed.Embedding;
import org.facegate.image.RgbImage;
import org.facegate.match.Identification;
import org.facegate.match.Matcher;
import org.facegate.match.Person;

/**
 * Turns images into enrollment samples: every image passes the quality gate or is refused with its reasons, and the
 * accepted faces must not already match another enrolled person (a household member enrolled twice under two
 * names would make identification ambiguous, and enrolling a stranger's photo as yourself would be worse).
 */
public final class Enroller {
    private final FaceDetector detector;
    private final Embedder embedder;
    private final QualityGate gate;
    private final Matcher matcher;

    public Enroller(FaceDetector detector, Embedder embedder, QualityGate gate, Matcher matcher) {
        this.detector = detector;
        this.embedder = embedder;
        this.gate = gate;
        this.matcher = matcher;
    }

    /** Quality of one image without embedding it: live feedback while the camera guides the user. */
    public QualityReport check(RgbImage image) {
        return gate.check(image, detector.detect(image));
    }

    /** One image to a sample, or null with the refusal in {@code report} (what {@link #check} returns). */
    public Sample sample(RgbImage image, QualityReport report) {
        if (!report.ok()) return null;
        Embedding e = embedder.embed(image, Aligner.transform(report.face().landmarks()));
        return new Sample(e, report.score());
    }

    /**
     * Checks accepted samples of {@code name} against everyone else in the gallery.
     *
     * @throws EnrollmentException naming the person a sample matches, or when there is no sample
     */
    public void checkNotSomeoneElse(String name, List<Sample> samples, List<Person> gallery) throws EnrollmentException {
        if (samples.isEmpty()) throw new EnrollmentException("no usable face image for " + name);
        List<Person> others = new ArrayList<>();
        for (Person p : gallery) if (!p.name().equals(name)) others.add(p);
        for (Sample s : samples) {
            Identification id = matcher.identify(s.embedding(), others);
            if (id.candidate() != null && id.score() >= matcher.threshold()) {
                throw new EnrollmentException(String.format(java.util.Locale.ROOT,
                        "this face is already enrolled as %s (similarity %.2f); remove %s first or enroll a different person",
                        id.candidate(), id.score(), id.candidate()));
            }
        }
    }
}
