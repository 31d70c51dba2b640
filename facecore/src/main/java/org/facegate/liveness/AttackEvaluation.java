package org.facegate.liveness;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.facegate.image.RgbImage;

/**
 * Measures the active challenge against generated planar attacks (ISO/IEC 30107-3 APCER for the attack types
 * "printed or displayed photo, static or moved as a plane"): each photo becomes a {@link PlanarAttack} video for every
 * motion and degradation, and each video is offered to a session of every single challenge with an identity check
 * that always agrees (the attacker holds the owner's photo). An attack counts as accepted if any of those sessions
 * ends live; a challenge sequence is only accepted if each of its challenges is, so this bounds every sequence.
 *
 * <p>Not thread-safe: one instance per thread, each with its own analyzer.
 */
public final class AttackEvaluation {
    /** Frames per generated video: 2.5 s at {@link PlanarAttack#FPS}, within one challenge's time limit. */
    public static final int FRAMES = 30;
    /** Frame size of the generated videos (portrait, as a phone's front camera). */
    public static final int WIDTH = 270, HEIGHT = 360;

    private final LivenessAnalyzer analyzer;
    private final Result result = new Result();

    public AttackEvaluation(LivenessAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Tallies of one evaluation; merge those of several threads with {@link #add}. */
    public static final class Result {
        public int videos, accepted, noFaceVideos;
        /** Sessions ended per reason (three sessions per video). */
        public final Map<String, Integer> reasons = new TreeMap<>();
        public final Map<PlanarAttack.Motion, int[]> perMotion = new EnumMap<>(PlanarAttack.Motion.class);
        /** Descriptions of accepted attacks (empty when none). */
        public final List<String> acceptedVideos = new ArrayList<>();
        /** Largest turn (deg) and the parallax at it, over all turn sessions. */
        public float maxTurn, maxParallax = Float.NEGATIVE_INFINITY;
        /** Lowest blink openness seen in any frame of any attack. */
        public float minOpenness = Float.POSITIVE_INFINITY;
        /** Lowest eye-region correlation (the eye that changed more) in an attack frame whose mesh openness read closed. */
        public float minCorrelation = Float.POSITIVE_INFINITY;
        /**
         * Lowest correlation of the other eye in an attack frame whose mesh read closed eyes and whose first eye's
         * correlation was below {@link BlinkDetector#CORRELATION_CLOSED}: how close the attacks came to a closure.
         */
        public float minOtherEye = Float.POSITIVE_INFINITY;

        public void add(Result o) {
            videos += o.videos;
            accepted += o.accepted;
            noFaceVideos += o.noFaceVideos;
            o.reasons.forEach((k, v) -> reasons.merge(k, v, Integer::sum));
            o.perMotion.forEach((k, v) -> {
                int[] a = perMotion.computeIfAbsent(k, x -> new int[2]);
                a[0] += v[0];
                a[1] += v[1];
            });
            acceptedVideos.addAll(o.acceptedVideos);
            maxTurn = Math.max(maxTurn, o.maxTurn);
            maxParallax = Math.max(maxParallax, o.maxParallax);
            minOpenness = Math.min(minOpenness, o.minOpenness);
            minCorrelation = Math.min(minCorrelation, o.minCorrelation);
            minOtherEye = Math.min(minOtherEye, o.minOtherEye);
        }

        /** APCER in percent. */
        public double apcer() {
            return videos == 0 ? 0 : 100.0 * accepted / videos;
        }

        public String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "attack videos %d, accepted %d (APCER %.2f%%), videos with no face found %d%n", videos,
                    accepted, apcer(), noFaceVideos));
            perMotion.forEach((m, v) -> sb.append(String.format(Locale.ROOT, "  %-10s videos %4d accepted %d%n", m, v[0], v[1])));
            sb.append("  session outcomes (3 single-challenge sessions per video):");
            reasons.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            sb.append(String.format(Locale.ROOT, "%n  lowest blink openness in any attack frame %.3f (closed below %.2f)%n", minOpenness,
                    BlinkDetector.CLOSED_BELOW));
            sb.append(String.format(Locale.ROOT, "  lowest eye-region correlation where the mesh read closed eyes %.3f (pixels confirm below %.2f)%n",
                    minCorrelation, BlinkDetector.CORRELATION_CLOSED));
            sb.append(String.format(Locale.ROOT, "  lowest other-eye correlation where, besides, one eye was below %.2f %.3f (both eyes closed below %.2f)%n",
                    BlinkDetector.CORRELATION_CLOSED, minOtherEye, BlinkDetector.OTHER_EYE_CLOSED));
            sb.append(String.format(Locale.ROOT, "  largest head turn read from an attack %.1f deg (challenge needs %.0f)", maxTurn,
                    ChallengeSession.MIN_TURN_DEGREES));
            for (String s : acceptedVideos) sb.append("\n  ACCEPTED: ").append(s);
            return sb.toString();
        }
    }

    /** Runs every given motion and degradation of one photo, {@code frames} frames each. */
    public void photo(String name, RgbImage photo, PlanarAttack.Motion[] motions, PlanarAttack.Degradation[] degradations, int frames, long seed) {
        for (PlanarAttack.Motion m : motions) {
            for (PlanarAttack.Degradation d : degradations) {
                video(name + " " + m + " " + d, m, PlanarAttack.video(photo, m, d, frames, WIDTH, HEIGHT, seed++));
            }
        }
    }

    /** Offers one attack video to a session of each challenge; returns whether any accepted it. */
    public boolean video(String name, PlanarAttack.Motion motion, List<RgbImage> video) {
        analyzer.reset();
        List<LivenessFrame> frames = new ArrayList<>(video.size());
        boolean anyFace = false;
        for (int i = 0; i < video.size(); i++) {
            LivenessFrame f = analyzer.analyze(video.get(i), i * 1000L / PlanarAttack.FPS);
            anyFace |= f.hasFace();
            frames.add(f);
        }
        result.videos++;
        int[] pm = result.perMotion.computeIfAbsent(motion, x -> new int[2]);
        pm[0]++;
        if (!anyFace) result.noFaceVideos++;
        boolean accepted = false;
        for (Challenge c : Challenge.values()) {
            ChallengeSession s = ChallengeSession.of(IdentityCheck.ANYONE, c);
            for (LivenessFrame f : frames) {
                s.offer(f);
                if (c == Challenge.BLINK && !Float.isNaN(s.openness())) {
                    result.minOpenness = Math.min(result.minOpenness, s.openness());
                    if (s.openness() < BlinkDetector.CLOSED_BELOW && !Float.isNaN(s.correlation())) {
                        result.minCorrelation = Math.min(result.minCorrelation, s.correlation());
                        if (s.correlation() < BlinkDetector.CORRELATION_CLOSED) result.minOtherEye = Math.min(result.minOtherEye, s.otherEyeCorrelation());
                    }
                }
            }
            s.finish();
            result.maxTurn = Math.max(result.maxTurn, s.bestTurn());
            if (s.state() == ChallengeSession.State.LIVE) {
                accepted = true;
                result.acceptedVideos.add(name + " passed " + c);
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

    public Result result() {
        return result;
    }
}
