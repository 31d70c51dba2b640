package org.facegate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.facegate.detect.BlazeFace;
import org.facegate.detect.Face;
import org.facegate.eval.detect.Mtcnn;
import org.facegate.image.RgbImage;
import org.facegate.liveness.AttackEvaluation;
import org.facegate.liveness.BlinkDetector;
import org.facegate.liveness.Challenge;
import org.facegate.liveness.ChallengeSession;
import org.facegate.liveness.IdentityCheck;
import org.facegate.liveness.LivenessAnalyzer;
import org.facegate.liveness.LivenessFrame;
import org.facegate.eval.liveness.PassiveAntiSpoofing;
import org.facegate.liveness.PlanarAttack;
import org.facegate.inference.desktop.DesktopRuntime;
import org.facegate.tflite.DirectoryModelSource;
import org.facegate.tflite.ModelLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "liveness", sortOptions = false,
        description = {"Active liveness check on a directory of frames (taken in name order, as a camera delivers them): prints each "
                + "frame's eye openness and head pose, and a last line 'decision: live' or 'decision: spoof (<reason>)'. "
                + "Exit 0 live, 1 spoof, 2 error.",
                "With --measure-attacks or --measure-clip it instead runs the measurements reported in docs/liveness.md."})
final class LivenessCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR_OF_FRAMES", description = "directory of JPEG/PNG frames")
    Path dir;

    @Option(names = "--expect", paramLabel = "CHALLENGES", defaultValue = "blink",
            description = "what the frames should show, comma-separated in order: blink, turn-left, turn-right (default: ${DEFAULT-VALUE})")
    String expect;

    @Option(names = "--fps", defaultValue = "12", description = "frame rate of the frames (default: ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "time allowed for the whole sequence (default: 5 s per challenge)")
    Double timeLimit;

    @Option(names = "--models", description = "directory of the pinned model packages (default: the build's cache)")
    Path models = Engine.defaultModels();

    @Option(names = "--measure-attacks", paramLabel = "LFW_DIR",
            description = "measure: planar and static attack videos generated from LFW photos (one per person) against every challenge")
    Path attacksLfw;

    @Option(names = "--faces", defaultValue = "200", description = "with --measure-attacks: number of different people (default: ${DEFAULT-VALUE})")
    int faces;

    @Option(names = "--frames", defaultValue = "20", description = "with --measure-attacks: frames per video (default: ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--motions", split = ",", paramLabel = "MOTION",
            description = "with --measure-attacks: only these motions (default: all of ${COMPLETION-CANDIDATES})")
    PlanarAttack.Motion[] motions = PlanarAttack.Motion.values();

    @Option(names = "--degradations", split = ",", paramLabel = "DEGRADATION",
            description = "with --measure-attacks: apply all of these to every person instead of two of the four alternating")
    PlanarAttack.Degradation[] degradations;

    @Option(names = "--threads", defaultValue = "2", description = "with --measure-attacks: worker threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--measure-clip", paramLabel = "LIVENESS_DIR",
            description = "measure: blink detection against the real clip's labels, BPCER of blink sessions on it, and the passive model "
                    + "on the labeled photos (shared/eval/liveness)")
    Path clipData;

    @Option(names = "--lfw", paramLabel = "LFW_DIR", description = "with --measure-clip: also score the passive model on real LFW photos")
    Path lfw;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (attacksLfw != null) return measureAttacks(out);
        if (clipData != null) return LivenessMeasurements.clip(this, out);
        if (dir == null) throw new CliException("give DIR_OF_FRAMES, --measure-attacks or --measure-clip");
        List<Challenge> challenges = parseChallenges(expect);
        List<Path> files = frames(dir);
        long limit = timeLimit == null ? ChallengeSession.MILLIS_PER_CHALLENGE * challenges.size() : Math.round(timeLimit * 1000);
        ChallengeSession session = new ChallengeSession(challenges, limit, IdentityCheck.ANYONE, 1);
        BlinkDetector eyes = new BlinkDetector();
        try (LivenessAnalyzer analyzer = LivenessAnalyzer.open(loader(), new DesktopRuntime(1))) {
            for (int i = 0; i < files.size(); i++) {
                RgbImage img = ImageFiles.read(files.get(i));
                LivenessFrame f = analyzer.analyze(img, Math.round(i * 1000 / fps));
                String line = files.get(i).getFileName() + "\t" + f.describe();
                if (f.hasFace()) {
                    eyes.add(f.timeMillis(), f.mesh(), img);
                    line += String.format(Locale.ROOT, " openness %.2f eye-corr %.2f/%.2f%s", eyes.openness(), eyes.correlation(),
                            eyes.otherEyeCorrelation(), eyes.closed() ? " closed" : "");
                }
                ChallengeSession.State before = session.state();
                Challenge c = session.current();
                session.offer(f);
                if (before == ChallengeSession.State.RUNNING && session.current() != c && c != null) line += "\t[" + c + " done]";
                out.println(line);
            }
        }
        session.finish();
        out.println("decision: " + (session.state() == ChallengeSession.State.LIVE ? "live" : session.describe()));
        return session.state() == ChallengeSession.State.LIVE ? 0 : 1;
    }

    ModelLoader loader() {
        return ModelLoader.withBuiltInHashes(DirectoryModelSource.npmCache(models));
    }

    static List<Challenge> parseChallenges(String s) throws CliException {
        List<Challenge> list = new ArrayList<>();
        for (String part : s.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) continue;
            switch (p) {
                case "blink": list.add(Challenge.BLINK); break;
                case "turn-left": case "left": list.add(Challenge.TURN_LEFT); break;
                case "turn-right": case "right": list.add(Challenge.TURN_RIGHT); break;
                default: throw new CliException("unknown challenge '" + part + "' (blink, turn-left, turn-right)");
            }
        }
        if (list.isEmpty()) throw new CliException("--expect needs at least one challenge");
        return list;
    }

    /** The image files of a directory in name order. */
    static List<Path> frames(Path dir) throws CliException {
        if (!Files.isDirectory(dir)) throw new CliException("not a directory: " + dir);
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png");
            }).sorted().collect(Collectors.toList());
            if (files.isEmpty()) throw new CliException("no .jpg/.png frames in " + dir);
            return files;
        } catch (IOException e) {
            throw new CliException("cannot list " + dir + ": " + e.getMessage());
        }
    }

    /** One photo per person, people spread evenly over the sorted directory. */
    static List<Path> lfwFaces(Path lfwDir, int n) throws CliException {
        Path images = lfwDir.resolve("images");
        if (!Files.isDirectory(images)) throw new CliException("no images/ directory in " + lfwDir);
        try (Stream<Path> s = Files.list(images)) {
            List<Path> people = s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
            if (people.size() < n) throw new CliException("only " + people.size() + " people in " + images);
            List<Path> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Path person = people.get((int) ((long) i * people.size() / n));
                try (Stream<Path> f = Files.list(person)) {
                    f.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().ifPresent(out::add);
                }
            }
            return out;
        } catch (IOException e) {
            throw new CliException("cannot list " + images + ": " + e.getMessage());
        }
    }

    private int measureAttacks(PrintWriter out) throws Exception {
        Engine.checkThreads(threads);
        List<Path> photos = lfwFaces(attacksLfw, faces);
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<AttackEvaluation.Result>> parts = new ArrayList<>();
        int per = (photos.size() + threads - 1) / threads;
        for (int t = 0; t < threads; t++) {
            List<Path> mine = photos.subList(Math.min(photos.size(), t * per), Math.min(photos.size(), (t + 1) * per));
            parts.add(pool.submit(() -> {
                try (LivenessAnalyzer analyzer = LivenessAnalyzer.open(loader(), new DesktopRuntime(1))) {
                    AttackEvaluation ev = new AttackEvaluation(analyzer);
                    PlanarAttack.Degradation[] all = PlanarAttack.Degradation.values();
                    for (Path p : mine) {
                        // two of the four degradations per person, alternating, so each is applied to half the people
                        int k = photos.indexOf(p) % 2 * 2;
                        PlanarAttack.Degradation[] two = degradations != null ? degradations : new PlanarAttack.Degradation[] {all[k], all[k + 1]};
                        ev.photo(p.getFileName().toString(), ImageFiles.read(p), motions, two, frames, p.hashCode());
                    }
                    return ev.result();
                }
            }));
        }
        AttackEvaluation.Result total = new AttackEvaluation.Result();
        for (Future<AttackEvaluation.Result> f : parts) total.add(f.get());
        pool.shutdown();
        out.printf(Locale.ROOT, "%d people from %s x motions %s x degradations %s, %d frames each at %d fps%n", photos.size(), attacksLfw,
                Arrays.toString(motions), degradations == null ? "2 of " + Arrays.toString(PlanarAttack.Degradation.values()) + " alternating"
                        : Arrays.toString(degradations), frames, PlanarAttack.FPS);
        out.println(total.summary());
        out.printf(Locale.ROOT, "took %.0f s%n", (System.nanoTime() - t0) / 1e9);
        out.println("decision: " + (total.accepted == 0 ? "no attack accepted" : total.accepted + " attack(s) accepted"));
        return total.accepted == 0 ? 0 : 1;
    }

    /** The measurements on shared/eval/liveness behind docs/liveness.md. */
    static final class LivenessMeasurements {
        private LivenessMeasurements() {}

        static int clip(LivenessCommand cmd, PrintWriter out) throws Exception {
            Path clipDir = cmd.clipData.resolve("real/blinkdetector_video");
            List<Path> files = frames(clipDir);
            boolean[] labeledClosed = new boolean[files.size() + 1];
            for (String line : Files.readAllLines(clipDir.resolve("labels.tsv"))) {
                String[] f = line.split("\t");
                if (f.length < 3 || !f[0].matches("\\d+")) continue;
                boolean closed = !f[2].equals("eyes_open");
                for (int i = Integer.parseInt(f[0]); i <= Integer.parseInt(f[1]) && i < labeledClosed.length; i++) labeledClosed[i] = closed;
            }
            List<RgbImage> images = new ArrayList<>();
            for (Path p : files) images.add(ImageFiles.read(p));
            try (LivenessAnalyzer analyzer = LivenessAnalyzer.open(cmd.loader(), new DesktopRuntime(1))) {
                // 1. per-frame closed-eye detection against the labels
                List<LivenessFrame> frames = analyze(analyzer, images, 12);
                BlinkDetector d = new BlinkDetector();
                int agreeBoth = 0, agreeMesh = 0, n = 0, closedLabels = 0, tp = 0, fp = 0;
                StringBuilder disagreements = new StringBuilder();
                for (int i = 0; i < frames.size(); i++) {
                    LivenessFrame f = frames.get(i);
                    if (!f.hasFace()) continue;
                    d.add(f.timeMillis(), f.mesh(), f.image());
                    boolean label = labeledClosed[i + 1], mesh = d.openness() < BlinkDetector.CLOSED_BELOW, both = d.closed();
                    n++;
                    if (label) closedLabels++;
                    if (both == label) agreeBoth++;
                    else disagreements.append(' ').append(i + 1).append(both ? "c" : "o");
                    if (mesh == label) agreeMesh++;
                    if (both && label) tp++;
                    if (both && !label) fp++;
                }
                out.printf(Locale.ROOT, "clip: %d frames with a face of %d; labeled closed %d%n", n, frames.size(), closedLabels);
                out.printf(Locale.ROOT, "  per-frame agreement with labels: detector (mesh + pixels) %.1f%% (%d/%d), mesh openness alone %.1f%%%n",
                        100.0 * agreeBoth / n, agreeBoth, n, 100.0 * agreeMesh / n);
                out.printf(Locale.ROOT, "  detector closed on %d labeled-closed frames, on %d labeled-open frames; blinks completed %d%n", tp, fp, d.blinks());
                out.println("  frames where detector and labels differ (c = detector says closed, o = open):" + disagreements);

                // 2. BPCER of blink sessions over windows of the clip and altered copies
                out.println("blink sessions (5 s limit) starting every 4th frame; windows that run out of frames undecided are left out:");
                String[] variants = {"original", "mirrored", "smaller+darker", "noise", "blur", "noise+flicker"};
                int totalLive = 0, totalWindows = 0;
                for (String v : variants) {
                    List<RgbImage> alt = new ArrayList<>();
                    java.util.Random r = new java.util.Random(7);
                    for (int i = 0; i < images.size(); i++) {
                        RgbImage img = images.get(i);
                        switch (v) {
                            case "mirrored": alt.add(img.mirrored()); break;
                            case "smaller+darker": alt.add(Frames.alter(img, 0.6, 0.6f).mirrored()); break; // alter mirrors; undo it
                            case "noise": alt.add(PlanarAttack.degrade(img, PlanarAttack.Degradation.NOISE, i, r)); break;
                            case "blur": alt.add(PlanarAttack.degrade(img, PlanarAttack.Degradation.BLUR, i, r)); break;
                            // the generated attacks' harshest degradation, on the real clip
                            case "noise+flicker": alt.add(PlanarAttack.degrade(img, PlanarAttack.Degradation.NOISE_AND_FLICKERING_BLUR, i, r)); break;
                            default: alt.add(img);
                        }
                    }
                    List<LivenessFrame> af = analyze(analyzer, alt, 12);
                    int live = 0, windows = 0;
                    StringBuilder rejected = new StringBuilder();
                    for (int start = 0; start < af.size(); start += 4) {
                        ChallengeSession s = ChallengeSession.of(IdentityCheck.ANYONE, Challenge.BLINK);
                        for (int i = start; i < af.size() && s.state() == ChallengeSession.State.RUNNING; i++) {
                            LivenessFrame f = af.get(i);
                            s.offer(new LivenessFrame(f.timeMillis() - af.get(start).timeMillis(), f.image(), f.mesh(), f.face(), f.rightEar(),
                                    f.leftEar(), f.pose()));
                        }
                        if (s.state() == ChallengeSession.State.RUNNING) continue; // ran out of frames: undecided
                        windows++;
                        if (s.state() == ChallengeSession.State.LIVE) live++;
                        else rejected.append(" ").append(start + 1).append(':').append(s.reason());
                    }
                    totalLive += live;
                    totalWindows += windows;
                    out.printf(Locale.ROOT, "  %-15s windows %d live %d BPCER %.1f%%%s%n", v, windows, live, 100.0 * (windows - live) / windows,
                            rejected.length() == 0 ? "" : " rejected at" + rejected);
                }
                out.printf(Locale.ROOT, "  all             windows %d live %d BPCER %.1f%%%n", totalWindows, totalLive,
                        100.0 * (totalWindows - totalLive) / totalWindows);
            }
            passive(cmd, out, files);
            return 0;
        }

        private static List<LivenessFrame> analyze(LivenessAnalyzer analyzer, List<RgbImage> images, double fps) {
            analyzer.reset();
            List<LivenessFrame> out = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) out.add(analyzer.analyze(images.get(i), Math.round(i * 1000 / fps)));
            return out;
        }

        /** The passive model on the labeled photos, the clip and LFW, for several crops. */
        private static void passive(LivenessCommand cmd, PrintWriter out, List<Path> clipFrames) throws Exception {
            ModelLoader loader = cmd.loader();
            DesktopRuntime cpu = new DesktopRuntime(1);
            List<Path> attacks = List.of(cmd.clipData.resolve("attack/silentface_image_F1.jpg"), cmd.clipData.resolve("attack/silentface_image_F2.jpg"));
            List<Path> bonaPhotos = new ArrayList<>(List.of(cmd.clipData.resolve("bona-fide/silentface_image_T1.jpg"),
                    cmd.clipData.resolve("bona-fide/silentface_image_T2.jpg")));
            List<Path> clip = new ArrayList<>();
            for (int i = 0; i < clipFrames.size(); i += 4) clip.add(clipFrames.get(i));
            List<Path> lfwPhotos = cmd.lfw == null ? new ArrayList<>() : lfwFaces(cmd.lfw, 200);
            String[] crops = {"blazeface x1.0", "blazeface x1.2", "blazeface x1.5", "mtcnn square x1.0"};
            out.printf(Locale.ROOT, "passive FaceAntiSpoofing.tflite (score >= threshold = spoof): attacks %d photos, bona fide %d photos + %d clip frames"
                    + " + %d LFW photos%n", attacks.size(), bonaPhotos.size(), clip.size(), lfwPhotos.size());
            try (PassiveAntiSpoofing fas = new PassiveAntiSpoofing(loader, cpu); BlazeFace blaze = new BlazeFace(loader, cpu, BlazeFace.Range.SHORT);
                    Mtcnn mtcnn = new Mtcnn(loader, cpu)) {
                for (String crop : crops) {
                    float[] a = scores(fas, blaze, mtcnn, crop, attacks), bp = scores(fas, blaze, mtcnn, crop, bonaPhotos);
                    float[] bc = scores(fas, blaze, mtcnn, crop, clip), bl = scores(fas, blaze, mtcnn, crop, lfwPhotos);
                    float[] bona = concat(bp, concat(bc, bl));
                    float minAttack = Float.POSITIVE_INFINITY;
                    for (float v : a) minAttack = Math.min(minAttack, v);
                    out.printf(Locale.ROOT, "  %-18s attack scores %s, photos T1/T2 %s%n", crop, Arrays.toString(round(a)), Arrays.toString(round(bp)));
                    out.printf(Locale.ROOT, "    at %.2f (reference): APCER %.0f%%, BPCER clip %.1f%% photos %.1f%% LFW %.1f%% all %.1f%%%n",
                            PassiveAntiSpoofing.REFERENCE_THRESHOLD, rate(a, PassiveAntiSpoofing.REFERENCE_THRESHOLD, false),
                            rate(bc, PassiveAntiSpoofing.REFERENCE_THRESHOLD, true), rate(bp, PassiveAntiSpoofing.REFERENCE_THRESHOLD, true),
                            rate(bl, PassiveAntiSpoofing.REFERENCE_THRESHOLD, true), rate(bona, PassiveAntiSpoofing.REFERENCE_THRESHOLD, true));
                    out.printf(Locale.ROOT, "    at %.4f (highest with APCER 0%%): BPCER clip %.1f%% photos %.1f%% LFW %.1f%% all %.1f%%%n", minAttack,
                            rate(bc, minAttack, true), rate(bp, minAttack, true), rate(bl, minAttack, true), rate(bona, minAttack, true));
                    float[] sorted = bona.clone();
                    Arrays.sort(sorted);
                    if (sorted.length > 0) {
                        float t90 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.9 * sorted.length))];
                        out.printf(Locale.ROOT, "    at %.4f (BPCER 10%% over all bona fide): APCER %.0f%%%n", t90, rate(a, t90, false));
                    }
                }
            }
        }

        private static float[] scores(PassiveAntiSpoofing fas, BlazeFace blaze, Mtcnn mtcnn, String crop, List<Path> files) throws CliException {
            List<Float> out = new ArrayList<>();
            for (Path p : files) {
                RgbImage img = ImageFiles.read(p);
                List<Face> faces = crop.startsWith("mtcnn") ? mtcnn.detect(img) : blaze.detect(img);
                Face best = null;
                for (Face f : faces) if (best == null || f.box().area() > best.box().area()) best = f;
                if (best == null) continue;
                float k = crop.endsWith("1.5") ? 1.5f : crop.endsWith("1.2") ? 1.2f : 1f;
                out.add(fas.score(img, best.box(), k));
            }
            float[] a = new float[out.size()];
            for (int i = 0; i < a.length; i++) a[i] = out.get(i);
            return a;
        }

        /** Percent of scores called spoof ({@code >= t}) when {@code bona}, else percent called live. */
        private static double rate(float[] s, float t, boolean bona) {
            if (s.length == 0) return Double.NaN;
            int n = 0;
            for (float v : s) if (bona ? v >= t : v < t) n++;
            return 100.0 * n / s.length;
        }

        private static float[] concat(float[] a, float[] b) {
            float[] c = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        }

        private static String[] round(float[] a) {
            String[] s = new String[a.length];
            for (int i = 0; i < a.length; i++) s[i] = String.format(Locale.ROOT, "%.3f", a[i]);
            return s;
        }
    }
}
