package org.facegate.enroll;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.facegate.align.Aligner;
import org.facegate.detect.FaceDetector;
import org.facegate.embed.Embedder;
import org.facegate.embed.Embedding;
import org.facegate.image.RgbImage;
import org.facegate.match.Identification;
import org.facegate.match.Matcher;
import org.facegate.match.Person;

/**
 * Turns images into enrollment samples: every image passes the quality gate or is refused with its reasons; the
 * accepted faces must show one person, the person they join ({@link SamePerson}), and not another enrolled person (a
 * household member enrolled twice under two names would make identification ambiguous, and enrolling a stranger's
 * photo as yourself would be worse).
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
     * Checks that accepted samples may be enrolled as {@code name}: they show one person ({@link SamePerson}), the
     * person they are added to when {@code name} already has samples of this model, and nobody else enrolled.
     *
     * @param labels   what to call each sample in a refusal (a file name, "frame 2"), same order as {@code samples}
     * @param existing the samples {@code name} keeps, made by the same model: empty for a new person, and when the
     *                 enrollment replaces the person's samples
     * @param others   everyone else enrolled with the same model
     * @throws EnrollmentException saying which rule refused, naming the samples (and the person) involved
     */
    public void check(String name, List<Sample> samples, List<String> labels, List<Embedding> existing, List<Person> others)
            throws EnrollmentException {
        if (samples.isEmpty()) throw new EnrollmentException(EnrollmentException.Reason.NO_SAMPLE, "no usable face image for " + name);
        if (labels.size() != samples.size()) throw new IllegalArgumentException(labels.size() + " labels for " + samples.size() + " samples");
        List<Embedding> added = new ArrayList<>(samples.size());
        for (Sample s : samples) added.add(s.embedding());
        SamePerson.Comparison pair = SamePerson.leastSimilarPair(added);
        if (pair != null && !pair.samePerson()) {
            throw new EnrollmentException(EnrollmentException.Reason.DIFFERENT_PEOPLE, String.format(Locale.ROOT,
                    "%s and %s show different people (similarity %.2f, below the same-person threshold %.2f): enroll one person at a time",
                    labels.get(pair.sample()), labels.get(pair.other()), pair.similarity(), SamePerson.THRESHOLD));
        }
        if (!existing.isEmpty()) {
            SamePerson.Comparison joining = SamePerson.leastSimilarTo(new Person(name, existing).template(), added);
            if (!joining.samePerson()) {
                throw new EnrollmentException(EnrollmentException.Reason.NOT_THE_PERSON, String.format(Locale.ROOT,
                        "%s does not show %s (similarity %.2f to the enrolled face, below the same-person threshold %.2f): "
                                + "remove %s first to enroll someone else under that name",
                        labels.get(joining.sample()), name, joining.similarity(), SamePerson.THRESHOLD, name));
            }
        }
        for (int i = 0; i < samples.size(); i++) {
            Identification id = matcher.identify(added.get(i), others);
            if (id.candidate() != null && id.score() >= matcher.threshold()) {
                throw new EnrollmentException(EnrollmentException.Reason.SOMEONE_ELSE, String.format(Locale.ROOT,
                        "the face in %s is already enrolled as %s (similarity %.2f); remove %s first or enroll a different person",
                        labels.get(i), id.candidate(), id.score(), id.candidate()));
            }
        }
    }
}
