package org.facegate.eval.liveness;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.facegate.detect.MeshLandmarks;
import org.facegate.image.RgbImage;
import org.facegate.liveness.Challenge;
import org.facegate.liveness.ChallengeSession;
import org.facegate.liveness.IdentityCheck;
import org.facegate.liveness.LivenessAnalyzer;
import org.facegate.liveness.LivenessFrame;

/**
 * Head-movement challenges against {@link SyntheticHead}s made from real face photos: BPCER of each movement
 * challenge for heads of several depths (the mesh's own, scaled, a generic head's), and the same movement by the same
 * photo without depth (a flat photo turned as a plane), which must fail; and a head replaying one fixed sequence of
 * movements against every challenge order.
 *
 * <p>Not thread-safe: one instance per thread, each with its own analyzer.
 */
public final class HeadEvaluation {
    /** The depth a head is given. */
    public enum Depth {
        MESH("the mesh's own depth"),
        SCALED("the mesh's depth x" + SCALED_DEPTH),
        GENERIC("one generic head's depth (the mean of the faces' meshes)"),
        FLAT("no depth: the photo turned as a plane (an attack)");

        private final String description;

        Depth(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** Depth scale of {@link Depth#SCALED}: the test of a head flatter than the mesh believes. */
    public static final float SCALED_DEPTH = 0.6f;
    /** The head is still for this long before it moves (the session takes its neutral pose from the first frame). */
    public static final long START_MILLIS = 500;
    /** Pause between the movements of a sequence. */
    public static final long PAUSE_MILLIS = 400;
    /** Length of a one-movement video: still, the movement, still again. */
    public static final long DURATION_MILLIS = START_MILLIS + HeadMotion.RELAXED.millis() + 700;

    private final LivenessAnalyzer analyzer;
    private final Replay replay;
    private final float[] genericDepth;
    private final Map<Depth, SessionTally> results = new EnumMap<>(Depth.class);

    /** @param genericDepth {@link SyntheticHead#meanDepth} of the faces, for {@link Depth#GENERIC}; null if unused */
    public HeadEvaluation(LivenessAnalyzer analyzer, double processFps, boolean realCost, float[] genericDepth) {
        this.analyzer = analyzer;
        this.replay = new Replay(analyzer, Replay.CAPTURE_FPS, processFps, realCost);
        this.genericDepth = genericDepth;
    }

    /** The mesh of a photo's face, null when none is found. */
    public MeshLandmarks mesh(RgbImage photo) {
        analyzer.reset();
        LivenessFrame f = analyzer.analyze(photo, 0);
        return f.hasFace() ? f.mesh() : null;
    }

    /** The head of a photo with the given depth. */
    public SyntheticHead head(RgbImage photo, MeshLandmarks mesh, Depth depth) {
        float[] z = switch (depth) {
            case MESH -> SyntheticHead.meshDepth(mesh, 1);
            case SCALED -> SyntheticHead.meshDepth(mesh, SCALED_DEPTH);
            case FLAT -> SyntheticHead.meshDepth(mesh, 0);
            case GENERIC -> {
                if (genericDepth == null) throw new IllegalStateException("no generic depth given");
                yield SyntheticHead.genericDepth(genericDepth, mesh);
            }
        };
        return new SyntheticHead(photo, mesh, z);
    }

    /** Photo pixels to frame pixels: the photo's height is 3/4 of the frame's, as in {@link PlanarAttack}. */
    static double scale(RgbImage photo) {
        return 0.75 * AttackEvaluation.HEIGHT / photo.height();
    }

    /**
     * Every head movement by the photo's head of each depth, each in its own single-challenge session, with one of the
     * degradations per movement (cycling with the seed).
     */
    public void face(String name, RgbImage photo, MeshLandmarks mesh, Depth[] depths, long seed) {
        double scale = scale(photo);
        PlanarAttack.Degradation[] all = PlanarAttack.Degradation.values();
        for (Depth depth : depths) {
            SyntheticHead head = head(photo, mesh, depth);
            SessionTally w = results.computeIfAbsent(depth, d -> new SessionTally());
            for (Challenge c : Challenge.values()) {
                if (!c.isMovement()) continue;
                PlanarAttack.Degradation degradation = all[(int) Math.floorMod(seed + c.ordinal(), (long) all.length)];
                ChallengeSession s = ChallengeSession.of(IdentityCheck.ANYONE, c);
                long[] times = {-1, 0};
                replay.play(DURATION_MILLIS, seed, (i, t) -> {
                    double[] pose = HeadMotion.RELAXED.pose(c, t - START_MILLIS);
                    return head.frame(pose[0], pose[1], scale, AttackEvaluation.WIDTH, AttackEvaluation.HEIGHT, degradation, i, seed);
                }, f -> {
                    if (f.hasFace() && times[0] < 0) times[0] = f.timeMillis();
                    times[1] = f.timeMillis();
                    return s.offer(f) == ChallengeSession.State.RUNNING;
                });
                s.finish();
                w.add(name + " " + c + " " + degradation, s, times[1] - Math.max(0, times[0]));
            }
        }
    }

    /** Sessions per depth so far. */
    public Map<Depth, SessionTally> results() {
        return results;
    }

    /**
     * A replayed video of one fixed sequence: the photo's head (the mesh's depth) performing {@code moves} one after the
     * other, offered to a session of every order of {@link ChallengeSession#ACTIVE_CHALLENGES} challenges (5^3 = 125).
     *
     * @return the orders that ended live
     */
    public List<List<Challenge>> fixedSequence(RgbImage photo, MeshLandmarks mesh, List<Challenge> moves, PlanarAttack.Degradation degradation,
            long seed) {
        SyntheticHead head = head(photo, mesh, Depth.MESH);
        double scale = scale(photo);
        List<List<Challenge>> orders = allOrders(ChallengeSession.ACTIVE_CHALLENGES);
        List<ChallengeSession> sessions = new ArrayList<>();
        for (List<Challenge> o : orders) sessions.add(new ChallengeSession(o, ChallengeSession.MILLIS_PER_CHALLENGE, IdentityCheck.ANYONE, 1));
        long step = HeadMotion.RELAXED.millis() + PAUSE_MILLIS;
        replay.play(START_MILLIS + moves.size() * step + 500, seed, (i, t) -> {
            int k = (int) Math.max(0, Math.min(moves.size() - 1, (t - START_MILLIS) / step));
            double[] pose = HeadMotion.RELAXED.pose(moves.get(k), t - START_MILLIS - k * step);
            return head.frame(pose[0], pose[1], scale, AttackEvaluation.WIDTH, AttackEvaluation.HEIGHT, degradation, i, seed);
        }, f -> {
            boolean running = false;
            for (ChallengeSession s : sessions) running |= s.offer(f) == ChallengeSession.State.RUNNING;
            return running;
        });
        List<List<Challenge>> passed = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            if (sessions.get(i).finish() == ChallengeSession.State.LIVE) passed.add(orders.get(i));
        }
        return passed;
    }

    /** Every sequence of {@code n} challenges (repeats allowed), in a fixed order. */
    public static List<List<Challenge>> allOrders(int n) {
        List<List<Challenge>> out = new ArrayList<>();
        out.add(new ArrayList<>());
        for (int k = 0; k < n; k++) {
            List<List<Challenge>> next = new ArrayList<>();
            for (List<Challenge> prefix : out) {
                for (Challenge c : Challenge.values()) {
                    List<Challenge> l = new ArrayList<>(prefix);
                    l.add(c);
                    next.add(l);
                }
            }
            out = next;
        }
        return out;
    }
}
