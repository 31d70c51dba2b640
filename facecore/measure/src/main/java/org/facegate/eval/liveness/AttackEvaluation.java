package org.facegate.eval.liveness;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.facegate.image.RgbImage;
import org.facegate.liveness.BlinkDetector;
import org.facegate.liveness.Challenge;
import org.facegate.liveness.ChallengeSession;
import org.facegate.liveness.IdentityCheck;
import org.facegate.liveness.LivenessAnalyzer;

/**
 * Measures the active challenge against generated planar attacks (ISO/IEC 30107-3 APCER for the attack types
 * "printed or displayed photo, static or moved as a plane"): each photo becomes a {@link PlanarAttack} video for every
 * motion and degradation, replayed as a phone of the given processed rate would see it ({@link Replay}), and offered
 * to a session of every single challenge, and to the passive check's session (a natural blink, the head free to move),
 * each with an identity check that always agrees (the attacker holds the owner's photo). An attack counts as accepted
 * if any of those sessions ends live; a challenge sequence is only accepted if each of its challenges is, so this
 * bounds every sequence.
 *
 * <p>Not thread-safe: one instance per thread, each with its own analyzer.
 */
public final class AttackEvaluation {
    /** Length of a generated attack: 2 s, within one challenge's time limit. */
    public static final long DURATION_MILLIS = 2000;
    /** Frame size of the generated videos (portrait, as a phone's front camera). */
    public static final int WIDTH = 270, HEIGHT = 360;
    /** Time limit of the passive check's session (the app's). */
    static final long PASSIVE_MILLIS = 8000;

    private final Replay replay;
    private final Result result = new Result();

    public AttackEvaluation(LivenessAnalyzer analyzer, double processFps, boolean realCost) {
        this.replay = new Replay(analyzer, Replay.CAPTURE_FPS, processFps, realCost);
    }

    /** Tallies of one evaluation; merge those of several threads with {@link #add}. */
    public static final class Result {
        public int videos, accepted, noFaceVideos;
        /** Frames processed over all videos. */
        public long frames;
        /** Sessions ended per reason (per video: one session per challenge, and the passive check's). */
        public final Map<String, Integer> reasons = new TreeMap<>();
        public final Map<PlanarAttack.Motion, int[]> perMotion = new EnumMap<>(PlanarAttack.Motion.class);
        /** Descriptions of accepted attacks (empty when none). */
        public final List<String> acceptedVideos = new ArrayList<>();
        /** Largest head movement in the asked direction read from an attack, degrees, over all head-movement sessions. */
        public float maxMovement;
        /**
         * How close head-movement sessions came to passing: the highest, over sessions, of the parallax over the head
         * bound where it also exceeded three times the tracking residual, and the other way round (a session passes
         * a frame where both are at least 1).
         */
        public float maxOverHead = Float.NEGATIVE_INFINITY, maxOverNoise = Float.NEGATIVE_INFINITY;
        /** The highest smaller of the two on one frame, and its attack and challenge. */
        public final Closest onOneFrame = new Closest();
        /** The highest smaller of the two held over the evidence time ({@link ChallengeSession#heldMargin}: 1 passes). */
        public final Closest held = new Closest();
        /** Lowest blink openness seen in any frame of any attack. */
        public float minOpenness = Float.POSITIVE_INFINITY;
        /** Lowest eye-region correlation (the eye that changed more) in an attack frame whose mesh openness read closed. */
        public float minCorrelation = Float.POSITIVE_INFINITY;
        /**
         * Lowest correlation of the other eye in an attack frame whose mesh read closed eyes and whose first eye's
         * correlation was below {@link BlinkDetector#CORRELATION_CLOSED}: how close the attacks came to a closure.
         */
        public float minOtherEye = Float.POSITIVE_INFINITY;
        /**
         * How close the pixels came to confirming a closure on a frame the mesh read closed: the smallest of the two
         * eyes' distances below their bounds ({@link BlinkDetector#CORRELATION_CLOSED} for the eye that changed more,
         * {@link BlinkDetector#OTHER_EYE_CLOSED} for the other) and the control regions' above theirs
         * ({@link BlinkDetector#CONTROL_CLOSED}), highest over frames; a closure needs all three above 0.
         */
        public final Closest closure = new Closest();

        public void add(Result o) {
            videos += o.videos;
            accepted += o.accepted;
            noFaceVideos += o.noFaceVideos;
            frames += o.frames;
            o.reasons.forEach((k, v) -> reasons.merge(k, v, Integer::sum));
            o.perMotion.forEach((k, v) -> {
                int[] a = perMotion.computeIfAbsent(k, x -> new int[2]);
                a[0] += v[0];
                a[1] += v[1];
            });
            acceptedVideos.addAll(o.acceptedVideos);
            maxMovement = Math.max(maxMovement, o.maxMovement);
            maxOverHead = Math.max(maxOverHead, o.maxOverHead);
            maxOverNoise = Math.max(maxOverNoise, o.maxOverNoise);
            onOneFrame.add(o.onOneFrame);
            held.add(o.held);
            minOpenness = Math.min(minOpenness, o.minOpenness);
            minCorrelation = Math.min(minCorrelation, o.minCorrelation);
            minOtherEye = Math.min(minOtherEye, o.minOtherEye);
            closure.add(o.closure);
        }

        public String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "attack videos %d (%.1f processed frames each), accepted %d, videos with no face found %d%n", videos,
                    videos == 0 ? 0.0 : (double) frames / videos, accepted, noFaceVideos));
            perMotion.forEach((m, v) -> sb.append(String.format(Locale.ROOT, "  %-10s videos %4d accepted %d%n", m, v[0], v[1])));
            sb.append("  session outcomes (per video: one session per challenge, and the passive check's):");
            reasons.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            sb.append(String.format(Locale.ROOT, "%n  lowest blink openness in any attack frame %s (closed below %.2f)%n",
                    seen(minOpenness, Float.POSITIVE_INFINITY), BlinkDetector.CLOSED_BELOW));
            sb.append(String.format(Locale.ROOT, "  lowest eye-region correlation where the mesh read closed eyes %s (pixels confirm below %.2f)%n",
                    seen(minCorrelation, Float.POSITIVE_INFINITY), BlinkDetector.CORRELATION_CLOSED));
            sb.append(String.format(Locale.ROOT, "  lowest other-eye correlation where, besides, one eye was below %.2f %s (both eyes closed below %.2f)%n",
                    BlinkDetector.CORRELATION_CLOSED, seen(minOtherEye, Float.POSITIVE_INFINITY), BlinkDetector.OTHER_EYE_CLOSED));
            sb.append(String.format(Locale.ROOT, "  closest to a closure where the mesh read closed eyes (the eyes' distances below %.2f and %.2f, the controls' above %.2f;"
                    + " a closure needs all above 0): ", BlinkDetector.CORRELATION_CLOSED, BlinkDetector.OTHER_EYE_CLOSED, BlinkDetector.CONTROL_CLOSED))
                    .append(closure).append('\n');
            sb.append(String.format(Locale.ROOT, "  largest head movement read from an attack in an asked direction %.1f deg%n", maxMovement));
            sb.append(String.format(Locale.ROOT, "  closest to passing a head challenge (parallax over the bound; a frame passes when both are at least 1): "
                    + "over the head bound %s, over 3x the tracking residual %s, the smaller of the two %s", seen(maxOverHead, Float.NEGATIVE_INFINITY),
                    seen(maxOverNoise, Float.NEGATIVE_INFINITY), onOneFrame));
            sb.append("\n  the smaller of the two held on every frame over the evidence time (what decides: 1 passes): ").append(held);
            for (String s : acceptedVideos) sb.append("\n  ACCEPTED: ").append(s);
            return sb.toString();
        }

        /** A lowest or highest value over attack frames; "none" when no frame had one (it is still its starting value). */
        private static String seen(float v, float none) {
            return v == none ? "none" : String.format(Locale.ROOT, "%.3f", v);
        }
    }

    /** Runs every given motion and degradation of one photo. */
    public void photo(String name, RgbImage photo, PlanarAttack.Motion[] motions, PlanarAttack.Degradation[] degradations, long seed) {
        for (PlanarAttack.Motion m : motions) {
            for (PlanarAttack.Degradation d : degradations) video(name + " " + m + " " + d, photo, m, d, seed++);
        }
    }

    /** Replays one attack to a session of each challenge; returns whether any accepted it. */
    public boolean video(String name, RgbImage photo, PlanarAttack.Motion motion, PlanarAttack.Degradation degradation, long seed) {
        List<ChallengeSession> sessions = new ArrayList<>();
        for (Challenge c : Challenge.values()) sessions.add(ChallengeSession.of(IdentityCheck.ANYONE, c));
        // the passive check: a blink with the head free to move, so the blink test sees every frame
        sessions.add(ChallengeSession.passive(IdentityCheck.ANYONE, PASSIVE_MILLIS));
        boolean[] anyFace = {false};
        result.frames += replay.play(DURATION_MILLIS, seed,
                (i, t) -> PlanarAttack.frame(photo, motion, degradation, (double) t / DURATION_MILLIS, i, WIDTH, HEIGHT, seed), f -> {
                    anyFace[0] |= f.hasFace();
                    for (ChallengeSession s : sessions) {
                        s.offer(f);
                        BlinkDetector eyes = s.eyes();
                        if (eyes != null && !Float.isNaN(eyes.openness())) {
                            result.minOpenness = Math.min(result.minOpenness, eyes.openness());
                            if (eyes.openness() < BlinkDetector.CLOSED_BELOW && !Float.isNaN(eyes.correlation())) {
                                result.minCorrelation = Math.min(result.minCorrelation, eyes.correlation());
                                result.closure.offer(eyes.closureMargin(), name + " " + sessionName(s, sessions));
                                if (eyes.correlation() < BlinkDetector.CORRELATION_CLOSED) {
                                    result.minOtherEye = Math.min(result.minOtherEye, eyes.otherEyeCorrelation());
                                }
                            }
                        }
                    }
                    return true;
                });
        result.videos++;
        int[] pm = result.perMotion.computeIfAbsent(motion, x -> new int[2]);
        pm[0]++;
        if (!anyFace[0]) result.noFaceVideos++;
        boolean accepted = false;
        for (ChallengeSession s : sessions) {
            s.finish();
            result.maxMovement = Math.max(result.maxMovement, s.bestMovement());
            String attack = name + " " + sessionName(s, sessions);
            float[] m = s.parallaxMargins();
            if (m != null && !Float.isNaN(m[0]) && !Float.isNaN(m[1])) {
                result.onOneFrame.offer(Math.min(m[0], m[1]), attack);
                if (m[1] >= 1) result.maxOverHead = Math.max(result.maxOverHead, m[0]);
                if (m[0] >= 1) result.maxOverNoise = Math.max(result.maxOverNoise, m[1]);
            }
            result.held.offer(s.heldMargin(), attack);
            if (s.state() == ChallengeSession.State.LIVE) {
                accepted = true;
                result.acceptedVideos.add(name + " passed " + sessionName(s, sessions));
                result.reasons.merge("live", 1, Integer::sum);
            } else {
                result.reasons.merge(s.reason().name(), 1, Integer::sum);
            }
        }
        if (accepted) {
            result.accepted++;
            pm[1]++;
        }
        return accepted;
    }

    /** The challenge a session asks for, or "the passive check" (the last of a video's sessions). */
    private static String sessionName(ChallengeSession s, List<ChallengeSession> sessions) {
        return s == sessions.get(sessions.size() - 1) ? "the passive check" : s.challenges().get(0).toString();
    }

    public Result result() {
        return result;
    }
}
