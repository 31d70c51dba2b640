package org.facegate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.facegate.embed.Embedding;
import org.facegate.enroll.SamePerson;
import org.facegate.eval.Calibration;
import org.facegate.eval.OpenSetIdentification;
import org.facegate.eval.SamePersonScoring;
import org.facegate.eval.TemplateScoring;
import org.facegate.match.Matcher;
import org.facegate.pipeline.FaceResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "calibrate", description = "Compute the security levels' thresholds from the impostor scores of a labeled face set.")
final class CalibrateCommand implements Callable<Integer> {
    /**
     * Named levels and the false-accept rates they target; "maximum" is Android's limit for a biometric that unlocks
     * anything (CDD 7.3.10 C-1-1: a false acceptance rate below 0.002%, 1 in 50,000).
     */
    static final String[] NAMES = {"relaxed", "standard", "strict", "maximum"};
    static final double[] FARS = {1e-2, 1e-3, 1e-4, 2e-5};

    @Mixin GalleryOptions opts;
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--lfw", required = true, description = "directory with images/<name>/*.jpg") Path lfw;
    @Option(names = "--out", description = "properties file to write (default: ${DEFAULT-VALUE})")
    Path outFile = Path.of("target", "security-levels.properties");
    @Option(names = "--margin", description = "identification lead over the runner-up (default: ${DEFAULT-VALUE})")
    float margin = 0.02f;

    /**
     * Open-set identification: gallery sizes (a household, an office, nearly every identity) with their random
     * trials, and the margins compared; the threshold-only comparison is run up to {@link #ISO_MAX_PEOPLE} people.
     */
    static final int[] GALLERY_PEOPLE = {10, 100, 700};
    static final int[] GALLERY_TRIALS = {200, 20, 3};
    static final int ISO_MAX_PEOPLE = 100;
    static final float[] MARGINS = {0f, 0.02f, 0.05f, 0.1f};
    /** Template sizes whose scoring rules are compared (the app enrolls 5 samples). */
    static final int[] TEMPLATE_SAMPLES = {1, 3, 5};
    /** Enrollment set sizes the same-person rules are compared on (the app enrolls 5 frames). */
    static final int[] SET_SAMPLES = {2, 3, 4, 5};

    @Override
    public Integer call() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(lfw.resolve("images"))) {
            s.filter(p -> p.toString().endsWith(".jpg")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new CliException("cannot list " + lfw.resolve("images") + ": " + e.getMessage());
        }
        if (files.isEmpty()) throw new CliException("no images under " + lfw.resolve("images"));
        List<Embedding> emb = new ArrayList<>();
        List<String> who = new ArrayList<>();
        TerminalProgress progress = new TerminalProgress(System.err);
        int undetected = 0;
        String modelId;
        try (Engine engine = opts.engine()) {
            modelId = engine.modelId();
            for (int i = 0; i < files.size(); i++) {
                FaceResult r = engine.pipeline.central(ImageFiles.read(files.get(i)));
                if (r == null) undetected++;
                else {
                    emb.add(r.embedding());
                    who.add(files.get(i).getParent().getFileName().toString());
                }
                progress.update("embedding images", i + 1, files.size());
            }
        }
        Calibration c = new Calibration(emb, who);
        StringBuilder p = new StringBuilder();
        p.append(String.format(Locale.ROOT, "# Written by `facegate calibrate` (detector %s, model %s) from %d images of %s%n",
                opts.detector, modelId, emb.size(), lfw.getFileName()));
        p.append(String.format(Locale.ROOT, "# %d impostor and %d genuine trials; %d images without a detected face left out%n",
                c.impostorTrials(), c.genuineTrials(), undetected));
        p.append("levels=").append(String.join(",", NAMES)).append('\n');
        p.append(String.format(Locale.ROOT, "margin=%.3f%n", margin));
        var out = spec.commandLine().getOut();
        for (int i = 0; i < NAMES.length; i++) {
            float t = c.thresholdAt(FARS[i]);
            p.append(String.format(Locale.ROOT, "%s.far=%s%n%s.threshold=%.4f%n%s.measured_far=%.6f%n%s.frr=%.4f%n",
                    NAMES[i], FARS[i], NAMES[i], t, NAMES[i], c.farAt(t), NAMES[i], c.frrAt(t)));
            out.printf(Locale.ROOT, "%-8s far target %.0e: threshold %.4f, measured FAR %.2e, FRR %.2f%%%n",
                    NAMES[i], FARS[i], t, c.farAt(t), 100 * c.frrAt(t));
        }
        openSet(emb, who, c.thresholdAt(FARS[1]), out);
        templates(emb, who, c.thresholdAt(FARS[1]), out);
        samePerson(emb, who, out);
        AtomicFiles.write(outFile, tmp -> Files.write(tmp, p.toString().getBytes(StandardCharsets.UTF_8)));
        out.println("wrote " + outFile);
        return 0;
    }

    /**
     * Prints, for templates of several different photos, each scoring rule's false- and true-accept rates at the
     * standard threshold and its true-accept rate at equal false-accept rates: why {@link org.facegate.match.Person}
     * matches by the samples' mean.
     */
    private static void templates(List<Embedding> emb, List<String> who, float threshold, PrintWriter out) {
        TemplateScoring scoring = new TemplateScoring(emb, who);
        out.printf(Locale.ROOT, "%ntemplates of k different photos (first k images of each identity with more), standard threshold %.4f:%n", threshold);
        out.println("| k | rule | people | genuine / impostor probes | FAR at the threshold | TAR there | TAR at FAR 1e-3 | TAR at FAR 1e-4 |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (int k : TEMPLATE_SAMPLES) {
            for (TemplateScoring.Rule rule : TemplateScoring.Rule.values()) {
                if (k == 1 && rule != TemplateScoring.Rule.TEMPLATE) continue; // one sample: every rule is the same
                TemplateScoring.Result r = scoring.evaluate(k, rule);
                Calibration c = r.scores();
                out.printf(Locale.ROOT, "| %d | %s | %d | %d / %d | %.2e | %.2f%% | %.2f%% | %.2f%% |%n", k, rule.name().toLowerCase(Locale.ROOT),
                        r.people(), c.genuineTrials(), c.impostorTrials(), c.farAt(threshold), 100 * (1 - c.frrAt(threshold)),
                        100 * (1 - c.frrAt(c.thresholdAt(1e-3))), 100 * (1 - c.frrAt(c.thresholdAt(1e-4))));
            }
        }
    }

    /**
     * Prints how often the same-person rule of enrollment ({@link SamePerson}) refuses k different photos of one
     * person and lets a stranger's photo merge into a set or a person, at its threshold, beside the leave-one-out and
     * the including-itself rules: the measurement behind {@link SamePerson#THRESHOLD}.
     */
    private static void samePerson(List<Embedding> emb, List<String> who, PrintWriter out) {
        SamePersonScoring scoring = new SamePersonScoring(emb, who);
        float t = SamePerson.THRESHOLD;
        out.printf(Locale.ROOT, "%nsame-person rule of enrollment at its threshold %.2f: sets of k different photos of one person (genuine) "
                + "against the first k-1 photos of a person with one stranger's, and a balanced mix of two people:%n", t);
        out.println("| k | rule | genuine sets | refused (FRR) | one-stranger sets | accepted (FAR) | balanced mixes | accepted | threshold at one-stranger FAR 1e-3, FRR there |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (int k : SET_SAMPLES) {
            for (SamePersonScoring.Rule rule : SamePersonScoring.Rule.values()) {
                if (k == 2 && rule == SamePersonScoring.Rule.LEAVE_ONE_OUT) continue; // one other sample: the pair itself
                SamePersonScoring.Sets r = scoring.sets(k, rule);
                Calibration one = r.oneStranger(), mix = r.balancedMix();
                float at = one.thresholdAt(1e-3);
                out.printf(Locale.ROOT, "| %d | %s | %d | %.2f%% | %d | %.2e | %s | %s | %.4f, %.2f%% |%n", k, rule.name().toLowerCase(Locale.ROOT),
                        one.genuineTrials(), 100 * one.frrAt(t), one.impostorTrials(), one.farAt(t),
                        mix == null ? "-" : String.valueOf(mix.impostorTrials()), mix == null ? "-" : String.format(Locale.ROOT, "%.2e", mix.farAt(t)),
                        at, 100 * one.frrAt(at));
            }
        }
        out.printf(Locale.ROOT, "%none photo added to a person enrolled from their first m (against their template), threshold %.2f:%n", t);
        out.println("| m | genuine photos | refused (FRR) | strangers' photos | accepted (FAR) |");
        out.println("|---|---|---|---|---|");
        for (int m : TEMPLATE_SAMPLES) {
            Calibration c = scoring.joining(m);
            out.printf(Locale.ROOT, "| %d | %d | %.2f%% | %d | %.2e |%n", m, c.genuineTrials(), 100 * c.frrAt(t), c.impostorTrials(), c.farAt(t));
        }
    }

    /**
     * Prints DIR, misidentification and FPIR at the standard threshold for each gallery size and margin, and for
     * each margin the DIR of the threshold that alone reaches the same FPIR: a margin earns its place only where
     * it rejects strangers more cheaply than a higher threshold.
     */
    private static void openSet(List<Embedding> emb, List<String> who, float threshold, PrintWriter out) {
        OpenSetIdentification ident = new OpenSetIdentification(emb, who);
        out.printf(Locale.ROOT, "open-set identification at the standard threshold %.4f, one-shot galleries from %d identities with 2+ images:%n",
                threshold, ident.enrollableIdentities());
        out.println("| people | trials | margin | DIR | misidentified | FPIR | threshold alone at that FPIR: threshold, DIR |");
        out.println("|---|---|---|---|---|---|---|");
        for (int g = 0; g < GALLERY_PEOPLE.length; g++) {
            int people = GALLERY_PEOPLE[g], trials = GALLERY_TRIALS[g];
            for (float m : MARGINS) {
                OpenSetIdentification.Result r = ident.evaluate(people, trials, new Matcher(threshold, m), 1);
                String iso = "-";
                if (m > 0 && people <= ISO_MAX_PEOPLE) {
                    float t = ident.thresholdAtFpir(r.fpir(), people, trials, threshold, 1);
                    iso = String.format(Locale.ROOT, "%.4f, %.2f%%", t, 100 * ident.evaluate(people, trials, new Matcher(t, 0f), 1).dir());
                }
                out.printf(Locale.ROOT, "| %d | %d | %.2f | %.2f%% | %.3f%% (%d of %d) | %.3f%% (%d of %d) | %s |%n", people, trials, m,
                        100 * r.dir(), 100 * r.misidentificationRate(), r.misidentified(), r.mated(), 100 * r.fpir(), r.falseAlarms(),
                        r.nonMated(), iso);
            }
        }
    }
}
