package org.facegate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.facegate.detect.MeshLandmarks;
import org.facegate.eval.liveness.AttackEvaluation;
import org.facegate.eval.liveness.ClipEvaluation;
import org.facegate.eval.liveness.ClipVariant;
import org.facegate.eval.liveness.HeadEvaluation;
import org.facegate.eval.liveness.HeadMotion;
import org.facegate.eval.liveness.OwnerSimulation;
import org.facegate.eval.liveness.PlanarAttack;
import org.facegate.eval.liveness.Replay;
import org.facegate.eval.liveness.ReplayOdds;
import org.facegate.eval.liveness.SessionTally;
import org.facegate.eval.liveness.SyntheticHead;
import org.facegate.image.RgbImage;
import org.facegate.inference.desktop.DesktopRuntime;
import org.facegate.liveness.Challenge;
import org.facegate.liveness.ChallengeSession;
import org.facegate.liveness.IdentityCheck;
import org.facegate.liveness.LivenessAnalyzer;
import org.facegate.tflite.ModelLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "liveness-eval", sortOptions = false,
        description = {"The liveness measurements of docs/liveness.md, each replayed as a phone processing --process-fps frames a second "
                + "would see it (the frames it picks up, with jittered capture times). One of:",
                "  --clip DIR: blink detection against the real clip's labels, BPCER of blink sessions on the clip and altered copies "
                        + "(last line 'bpcer: N of M').",
                "  --attacks LFW_DIR: APCER of generated photo attacks, every motion and degradation of --faces photos "
                        + "(last line 'apcer: N of M').",
                "  --heads LFW_DIR: BPCER of each head-movement challenge on synthetic 3-D heads made from --faces photos, per depth; "
                        + "the flat control must fail.",
                "  --fixed-sequence LFW_DIR: a head replaying one fixed --sequence against every challenge order; the odds it opens the gate.",
                "  --unlock-time DIR: the owner's time to unlock per liveness mode (median, 90th percentile).",
                "  --passive-model DIR: the dropped FaceAntiSpoofing model on the labeled photos and the clip."})
final class LivenessEvalCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--clip", paramLabel = "LIVENESS_DIR", description = "shared/eval/liveness") Path clip;
    @Option(names = "--attacks", paramLabel = "LFW_DIR", description = "shared/eval/lfw-dev") Path attacks;
    @Option(names = "--heads", paramLabel = "LFW_DIR", description = "shared/eval/lfw-dev") Path heads;
    @Option(names = "--fixed-sequence", paramLabel = "LFW_DIR", description = "shared/eval/lfw-dev") Path fixedSequence;
    @Option(names = "--unlock-time", paramLabel = "LIVENESS_DIR", description = "shared/eval/liveness") Path unlockTime;
    @Option(names = "--passive-model", paramLabel = "LIVENESS_DIR", description = "shared/eval/liveness") Path passiveModel;

    @Option(names = "--process-fps", paramLabel = "N", defaultValue = "12", description = "frames a second the phone processes (default: ${DEFAULT-VALUE})")
    double processFps;

    @Option(names = "--real-cost", description = "pick the next frame after the time this machine took for the last one instead of --process-fps")
    boolean realCost;

    @Option(names = "--faces", defaultValue = "200", description = "with --attacks, --heads, --fixed-sequence: number of different people (default: ${DEFAULT-VALUE})")
    int faces;

    @Option(names = "--motions", split = ",", paramLabel = "MOTION", description = "with --attacks: only these motions (default: all of ${COMPLETION-CANDIDATES})")
    PlanarAttack.Motion[] motions = PlanarAttack.Motion.values();

    @Option(names = "--degradations", split = ",", paramLabel = "DEGRADATION",
            description = "with --attacks: only these degradations (default: all of ${COMPLETION-CANDIDATES})")
    PlanarAttack.Degradation[] degradations = PlanarAttack.Degradation.values();

    @Option(names = "--depths", split = ",", paramLabel = "DEPTH", description = "with --heads: these head depths (default: all of ${COMPLETION-CANDIDATES})")
    HeadEvaluation.Depth[] depths = HeadEvaluation.Depth.values();

    @Option(names = "--sequence", paramLabel = "CHALLENGES", defaultValue = "turn-left,look-up,turn-right",
            description = "with --fixed-sequence: the movements the replayed head makes (default: ${DEFAULT-VALUE})")
    String sequence;

    @Option(names = "--timings", defaultValue = "1",
            description = "with --clip: replay every session window at this many draws of the frame timings (default: ${DEFAULT-VALUE}); "
                    + "one draw decides a whole window for all copies of the clip at once")
    int timings;

    @Option(names = "--sessions", defaultValue = "100", description = "with --unlock-time: active sessions simulated (default: ${DEFAULT-VALUE})")
    int sessions;

    @Option(names = "--reaction-ms", paramLabel = "MS", defaultValue = "" + OwnerSimulation.REACTION_MILLIS,
            description = "with --unlock-time: the simulated owner's mean reaction to an instruction, +- " + OwnerSimulation.REACTION_JITTER_MILLIS + " ms (default: ${DEFAULT-VALUE}, an assumption)")
    long reactionMillis;

    @Option(names = "--move-ms", paramLabel = "MS", defaultValue = "" + HeadMotion.MOVE_MILLIS,
            description = "with --unlock-time: the simulated owner's time to turn or nod " + (int) HeadMotion.PEAK_DEGREES + " deg, and again to come back; held "
                    + HeadMotion.HOLD_MILLIS + " ms "
                    + "(default: ${DEFAULT-VALUE}, an assumption)")
    long moveMillis;

    @Option(names = "--first-instruction-share", paramLabel = "SHARE", defaultValue = "" + OwnerSimulation.FIRST_INSTRUCTION_SHARE,
            description = "with --unlock-time: the share of a frame's processing after which the gate shows the first instruction, "
                    + "once the face is found (default: ${DEFAULT-VALUE}, the desktop's; 1: after the whole frame)")
    double firstShare;

    @Option(names = "--lfw", paramLabel = "LFW_DIR", description = "with --passive-model: also score the model on real LFW photos")
    Path lfw;

    @Option(names = "--threads", defaultValue = "1", description = "worker threads for --attacks and --heads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--models", description = "directory of the pinned model packages (default: the build's cache)")
    Path models = Engine.defaultModels();

    /** The clip: frames of one man blinking, captured at 12 fps (SOURCE.md). */
    static final String CLIP = "real/blinkdetector_video";
    static final double CLIP_FPS = 12;
    /** Face attempts the gate allows before the PIN: the app's GateRules.MAX_FACE_FAILURES (CDD 7.3.10 C-1-8). */
    static final int FACE_ATTEMPTS = 3;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int modes = (clip != null ? 1 : 0) + (attacks != null ? 1 : 0) + (heads != null ? 1 : 0) + (fixedSequence != null ? 1 : 0)
                + (unlockTime != null ? 1 : 0) + (passiveModel != null ? 1 : 0);
        if (modes != 1) throw new CliException("give one of --clip, --attacks, --heads, --fixed-sequence, --unlock-time, --passive-model");
        if (!(processFps > 0)) throw new CliException("--process-fps must be positive");
        Engine.checkThreads(threads);
        if (faces < 1) throw new CliException("--faces must be at least 1");
        String rate = realCost ? "this machine's real per-frame cost" : String.format(Locale.ROOT, "%.4g processed fps", processFps);
        long t0 = System.nanoTime();
        int code;
        if (clip != null) code = clip(out, rate);
        else if (attacks != null) code = attacks(out, rate);
        else if (heads != null) code = heads(out, rate);
        else if (fixedSequence != null) code = fixedSequence(out, rate);
        else if (unlockTime != null) code = unlockTime(out, rate);
        else code = PassiveModelReport.run(LivenessCommand.loader(models), passiveModel, lfw, clipFrames(passiveModel), out);
        out.printf(Locale.ROOT, "took %.0f s%n", (System.nanoTime() - t0) / 1e9);
        return code;
    }

    private LivenessAnalyzer analyzer() throws Exception {
        return LivenessAnalyzer.open(LivenessCommand.loader(models), new DesktopRuntime(1));
    }

    static List<Path> clipFrames(Path livenessDir) throws CliException {
        return LivenessCommand.frames(livenessDir.resolve(CLIP));
    }

    private static List<RgbImage> read(List<Path> files) throws CliException {
        List<RgbImage> images = new ArrayList<>();
        for (Path p : files) images.add(ImageFiles.read(p));
        return images;
    }

    private int clip(PrintWriter out, String rate) throws Exception {
        if (timings < 1) throw new CliException("--timings must be at least 1, got " + timings);
        List<Path> files = clipFrames(clip);
        boolean[] closed = labels(clip.resolve(CLIP).resolve("labels.tsv"), files.size());
        List<RgbImage> images = read(files);
        out.printf(Locale.ROOT, "clip %s: %d frames at %.0f fps, replayed at %s%s%n", clip.resolve(CLIP), files.size(), CLIP_FPS, rate,
                timings == 1 ? "" : ", every session window at " + timings + " draws of the frame timings");
        SessionTally all = new SessionTally();
        try (LivenessAnalyzer analyzer = analyzer()) {
            for (ClipVariant v : ClipVariant.values()) {
                ClipEvaluation ev = new ClipEvaluation(analyzer, v.apply(images), CLIP_FPS);
                if (v == ClipVariant.ORIGINAL) {
                    ClipEvaluation.Agreement a = ev.agreement(closed, processFps, realCost, 1);
                    out.printf(Locale.ROOT, "frames with a face %d of %d; processed from the first frame: %d%n", ev.framesWithFace(), ev.size(), a.frames());
                    out.printf(Locale.ROOT, "  per-frame agreement with labels: detector (mesh + pixels) %.1f%% (%d/%d), mesh openness alone %.1f%%%n",
                            100.0 * a.agree() / a.frames(), a.agree(), a.frames(), 100.0 * a.agreeMesh() / a.frames());
                    out.printf(Locale.ROOT, "  detector closed on %d of %d labeled-closed frames, on %d labeled-open frames; blinks completed %d%n",
                            a.closedOnClosed(), a.closedLabels(), a.closedOnOpen(), a.blinks());
                    out.println("  frames where detector and labels differ (c = detector says closed, o = open):" + a.disagreements());
                    out.println("blink sessions (5 s) starting at every " + ClipEvaluation.WINDOW_STEP
                            + "th frame; windows that run out of frames undecided are left out:");
                }
                SessionTally w = new SessionTally();
                StringBuilder rejected = new StringBuilder();
                // the first draw's seeds are those of a single draw; the others' start far beyond any window's offset
                for (int t = 0; t < timings; t++) {
                    SessionTally draw = ev.sessions(() -> ChallengeSession.of(IdentityCheck.ANYONE, Challenge.BLINK), processFps, realCost, 1 + t * 1_000_000L);
                    w.add(draw);
                    if (!draw.rejected().isEmpty()) rejected.append(timings == 1 ? " " : " [draw " + (t + 1) + "] ").append(draw.rejected());
                }
                all.add(w);
                out.printf(Locale.ROOT, "  %-62s %s%s%n", v.description(), w.summary(), rejected.isEmpty() ? "" : " rejected at" + rejected);
            }
        }
        out.printf(Locale.ROOT, "  %-62s %s%n", "all", all.summary());
        out.printf(Locale.ROOT, "bpcer: %d of %d%n", all.sessions() - all.live(), all.sessions());
        return 0;
    }

    /** Labeled closed (blink or eyes_closed) per frame, index 0 = the first frame. */
    static boolean[] labels(Path tsv, int n) throws IOException {
        boolean[] closed = new boolean[n];
        for (String line : Files.readAllLines(tsv)) {
            String[] f = line.split("\t");
            if (f.length < 3 || !f[0].matches("\\d+")) continue;
            for (int i = Integer.parseInt(f[0]); i <= Integer.parseInt(f[1]) && i <= n; i++) closed[i - 1] = !f[2].equals("eyes_open");
        }
        return closed;
    }

    private int attacks(PrintWriter out, String rate) throws Exception {
        List<Path> photos = lfwFaces(attacks, faces);
        List<AttackEvaluation.Result> parts = parallel(photos, mine -> {
            try (LivenessAnalyzer analyzer = analyzer()) {
                AttackEvaluation ev = new AttackEvaluation(analyzer, processFps, realCost);
                for (Path p : mine) ev.photo(p.getFileName().toString(), ImageFiles.read(p), motions, degradations, photos.indexOf(p) * 1000L);
                return ev.result();
            }
        });
        AttackEvaluation.Result total = new AttackEvaluation.Result();
        for (AttackEvaluation.Result r : parts) total.add(r);
        out.printf(Locale.ROOT, "%d people from %s x motions %s x degradations %s, %d ms each, captured at %.0f fps, replayed at %s%n", photos.size(),
                attacks, Arrays.toString(motions), Arrays.toString(degradations), AttackEvaluation.DURATION_MILLIS, Replay.CAPTURE_FPS, rate);
        out.println(total.summary());
        out.printf(Locale.ROOT, "apcer: %d of %d%n", total.accepted, total.videos);
        return total.accepted == 0 ? 0 : 1;
    }

    /** One face: its photo and mesh. */
    private record Face(Path photo, MeshLandmarks mesh) {}

    /** The meshes of the photos (null where no face was found). */
    private List<Face> meshes(List<Path> photos) throws Exception {
        List<List<Face>> parts = parallel(photos, mine -> {
            try (LivenessAnalyzer analyzer = analyzer()) {
                HeadEvaluation ev = new HeadEvaluation(analyzer, processFps, realCost, null);
                List<Face> out = new ArrayList<>();
                for (Path p : mine) out.add(new Face(p, ev.mesh(ImageFiles.read(p))));
                return out;
            }
        });
        List<Face> all = new ArrayList<>();
        for (List<Face> p : parts) all.addAll(p);
        return all;
    }

    private int heads(PrintWriter out, String rate) throws Exception {
        List<Face> found = meshes(lfwFaces(heads, faces));
        List<Face> withFace = found.stream().filter(f -> f.mesh() != null).collect(Collectors.toList());
        float[] generic = SyntheticHead.meanDepth(withFace.stream().map(Face::mesh).collect(Collectors.toList()));
        List<Map<HeadEvaluation.Depth, SessionTally>> parts = parallel(withFace, mine -> {
            try (LivenessAnalyzer analyzer = analyzer()) {
                HeadEvaluation ev = new HeadEvaluation(analyzer, processFps, realCost, generic);
                for (Face f : mine) ev.face(f.photo().getFileName().toString(), ImageFiles.read(f.photo()), f.mesh(), depths, withFace.indexOf(f));
                return ev.results();
            }
        });
        out.printf(Locale.ROOT, "%d people from %s (%d without a face found), synthetic heads turning and nodding %.0f deg, captured at %.0f fps, "
                + "replayed at %s; one session per movement challenge, degradations cycling%n", withFace.size(), heads, found.size() - withFace.size(),
                HeadMotion.PEAK_DEGREES, Replay.CAPTURE_FPS, rate);
        for (HeadEvaluation.Depth d : depths) {
            SessionTally w = new SessionTally();
            for (Map<HeadEvaluation.Depth, SessionTally> p : parts) if (p.containsKey(d)) w.add(p.get(d));
            out.printf(Locale.ROOT, "%s (%s): %s%n", d, d.description(), w.summary());
            String rejected = w.rejected();
            if (d != HeadEvaluation.Depth.FLAT && !rejected.isEmpty()) out.println("  rejected: " + rejected);
            if (d == HeadEvaluation.Depth.FLAT && w.live() > 0) out.println("  flat photos accepted: " + w.live() + ": " + w.accepted());
            if (d == HeadEvaluation.Depth.FLAT) out.println("  closest flat photo (parallax margin held over the evidence time, 1 passes): " + w.closestHeld());
            out.printf(Locale.ROOT, "%s %s: %d of %d%n", d == HeadEvaluation.Depth.FLAT ? "apcer" : "bpcer", d,
                    d == HeadEvaluation.Depth.FLAT ? w.live() : w.sessions() - w.live(), w.sessions());
        }
        return 0;
    }

    private int fixedSequence(PrintWriter out, String rate) throws Exception {
        List<Challenge> moves = LivenessCommand.parseChallenges(sequence);
        List<Face> found = meshes(lfwFaces(fixedSequence, faces));
        List<Face> withFace = found.stream().filter(f -> f.mesh() != null).collect(Collectors.toList());
        List<String> lines = new ArrayList<>();
        List<double[]> counts = parallel(withFace, mine -> {
            double[] c = new double[3];
            try (LivenessAnalyzer analyzer = analyzer()) {
                HeadEvaluation ev = new HeadEvaluation(analyzer, processFps, realCost, null);
                PlanarAttack.Degradation[] all = PlanarAttack.Degradation.values();
                for (Face f : mine) {
                    int k = withFace.indexOf(f);
                    List<List<Challenge>> passed = ev.fixedSequence(ImageFiles.read(f.photo()), f.mesh(), moves, all[k % all.length], k);
                    c[0] += HeadEvaluation.allOrders(ChallengeSession.ACTIVE_CHALLENGES).size();
                    c[1] += passed.size();
                    for (List<Challenge> o : passed) c[2] += ReplayOdds.drawn(o);
                    synchronized (lines) {
                        lines.add(f.photo().getFileName() + " " + all[k % all.length] + ": passed " + passed);
                    }
                }
            }
            return c;
        });
        double orders = 0, passed = 0, odds = 0;
        for (double[] c : counts) {
            orders += c[0];
            passed += c[1];
            odds += c[2];
        }
        out.printf(Locale.ROOT, "a synthetic head (the mesh's depth) replaying %s, %d people from %s, against every order of %d challenges, "
                + "replayed at %s:%n", moves, withFace.size(), fixedSequence, ChallengeSession.ACTIVE_CHALLENGES, rate);
        lines.sort(null);
        for (String l : lines) out.println("  " + l);
        // each face's live orders weighted as the gate draws them: the odds of its first attempt
        out.printf(Locale.ROOT, "measured: %.0f of %.0f sessions live; per attempt of %d challenges, orders weighted as drawn: %.2f%%%n", passed, orders,
                ChallengeSession.ACTIVE_CHALLENGES, 100 * odds / withFace.size());
        out.println(ReplayOdds.report(moves, FACE_ATTEMPTS));
        return 0;
    }

    private int unlockTime(PrintWriter out, String rate) throws Exception {
        if (reactionMillis < OwnerSimulation.REACTION_JITTER_MILLIS) {
            throw new CliException("--reaction-ms must be at least its jitter, " + OwnerSimulation.REACTION_JITTER_MILLIS + " ms, got " + reactionMillis);
        }
        if (moveMillis <= 0) throw new CliException("--move-ms must be positive, got " + moveMillis);
        if (!(firstShare >= 0 && firstShare <= 1)) throw new CliException("--first-instruction-share must be in [0, 1], got " + firstShare);
        List<Path> files = clipFrames(unlockTime);
        List<RgbImage> images = read(files);
        out.printf(Locale.ROOT, "time to unlock from the first frame with a face to the decision, replayed at %s%n", rate);
        try (LivenessAnalyzer analyzer = analyzer()) {
            ClipEvaluation ev = new ClipEvaluation(analyzer, images, CLIP_FPS);
            // off: the identity vote decides on the second frame with a face (2 of 3 frames must agree)
            SessionTally vote = new SessionTally();
            for (int start = 0; start < ev.size(); start += ClipEvaluation.WINDOW_STEP) {
                long[] t = {-1, -1};
                ev.replay(start, processFps, realCost, 1 + start, (i, f) -> {
                    if (!f.hasFace()) return true;
                    if (t[0] < 0) t[0] = f.timeMillis();
                    else t[1] = f.timeMillis();
                    return t[1] < 0;
                });
                if (t[1] >= 0) vote.addTime(t[1] - t[0]);
            }
            out.printf(Locale.ROOT, "off (the identity vote: 2 frames agreeing): %s, over %d windows of the real clip%n", vote.unlockTimes(), vote.sessions());
            SessionTally passive = ev.sessions(() -> ChallengeSession.passive(IdentityCheck.ANYONE, 8000), processFps, realCost, 1);
            out.printf(Locale.ROOT, "passive (a natural blink, 8 s): %s; %s, over windows of the real clip%n", passive.unlockTimes(), passive.summary());
            HeadMotion motion = new HeadMotion(HeadMotion.PEAK_DEGREES, moveMillis, HeadMotion.HOLD_MILLIS);
            OwnerSimulation owner = OwnerSimulation.of(new HeadEvaluation(analyzer, processFps, realCost, null), images, CLIP_FPS, reactionMillis, motion);
            SessionTally active = new SessionTally();
            Random random = new Random(1);
            Replay replay = new Replay(analyzer, Replay.CAPTURE_FPS, processFps, realCost);
            int withdrawn = 0, askedAgain = 0;
            for (int s = 0; s < sessions; s++) {
                ChallengeSession session = ChallengeSession.random(random, IdentityCheck.ANYONE);
                OwnerSimulation.Answer a = owner.answer(replay, session, processFps, firstShare, s);
                active.add(session.challenges(), session, a.millis());
                withdrawn += a.withdrawn();
                askedAgain += a.askedAgain();
            }
            out.printf(Locale.ROOT, "active (3 challenges, first instruction shown %.2f of a frame's processing after it, simulated owner: reaction %d +- %d ms, "
                    + "movements of %.0f deg in %d ms, held %d ms, the clip's own blink): %s; %s%n",
                    firstShare, reactionMillis, OwnerSimulation.REACTION_JITTER_MILLIS, motion.peakDegrees(), motion.moveMillis(), motion.holdMillis(),
                    active.unlockTimes(), active.summary());
            if (!active.rejected().isEmpty()) out.println("  rejected: " + active.rejected());
            // the next instruction shows once a movement awaits only its hold (ChallengeSession.shown); a failed hold takes it back
            out.printf(Locale.ROOT, "  instructions shown early and taken back: %d in %d sessions%n", withdrawn, sessions);
            // a movement made without the parallax that confirms it is asked again (ChallengeSession.AGAIN)
            out.printf(Locale.ROOT, "  movements asked again after a miss: %d in %d sessions%n", askedAgain, sessions);
        }
        return 0;
    }

    /** Work on a list split across {@link #threads} threads, one part each. */
    private <T, R> List<R> parallel(List<T> items, Part<T, R> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<R>> parts = new ArrayList<>();
            int per = (items.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                List<T> mine = items.subList(Math.min(items.size(), t * per), Math.min(items.size(), (t + 1) * per));
                parts.add(pool.submit(() -> work.run(mine)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : parts) out.add(f.get());
            return out;
        } finally {
            pool.shutdown();
        }
    }

    /** One thread's share of the work. */
    @FunctionalInterface
    private interface Part<T, R> {
        R run(List<T> mine) throws Exception;
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
}
