package org.facegate.eval.liveness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.facegate.liveness.ChallengeSession;

/**
 * Bona fide sessions and how they ended: how many, how many live, why the others were rejected, and the time each
 * took from its first frame with a face to its decision (time to unlock; a rejected session never unlocks).
 */
public final class SessionTally {
    private int sessions, live;
    private final List<Long> millis = new ArrayList<>();
    private final StringBuilder rejected = new StringBuilder(), accepted = new StringBuilder();
    /** The highest held parallax margin of a session ({@link ChallengeSession#heldMargin}), and the session's name. */
    private final Closest held = new Closest();
    /** Sessions whose held margin said passed (at least 1) where the session did not end live, or the other way round. */
    private int heldDisagrees;

    /** One decided session, named for the report (e.g. its first frame), that took {@code millis} to its decision. */
    public void add(Object name, ChallengeSession s, long millis) {
        sessions++;
        float margin = s.heldMargin();
        held.offer(margin, name.toString());
        boolean oneMovement = s.challenges().size() == 1 && s.challenges().get(0).isMovement();
        if (oneMovement && (margin >= 1) != (s.state() == ChallengeSession.State.LIVE)) heldDisagrees++;
        if (s.state() == ChallengeSession.State.LIVE) {
            live++;
            this.millis.add(millis);
            accepted.append(' ').append(name);
        } else {
            this.millis.add(Long.MAX_VALUE);
            rejected.append(' ').append(name).append(':').append(s.reason());
        }
    }

    /** A decision that always unlocks, after {@code millis} (the identity vote without liveness). */
    public void addTime(long millis) {
        sessions++;
        live++;
        this.millis.add(millis);
    }

    public void add(SessionTally o) {
        sessions += o.sessions;
        live += o.live;
        millis.addAll(o.millis);
        rejected.append(o.rejected);
        accepted.append(o.accepted);
        held.add(o.held);
        heldDisagrees += o.heldDisagrees;
    }

    /**
     * The highest parallax margin a head challenge held over the evidence time in any session (at least 1 exactly when
     * it passed: for attacks, how close the closest came).
     */
    public Closest closestHeld() {
        return held;
    }

    /**
     * Single-challenge head sessions (an identity check that always agrees) whose held margin disagrees with how they
     * ended: 0 unless the margin reported and the decision part ways between the step and the session (the step
     * decides with the same {@code EvidenceWindow} it reports from, so this guards the session's wiring).
     */
    public int heldDisagrees() {
        return heldDisagrees;
    }

    public int sessions() {
        return sessions;
    }

    public int live() {
        return live;
    }

    /** Rejected sessions, "name:REASON" each. */
    public String rejected() {
        return rejected.toString().trim();
    }

    /** Live sessions added with a name ({@link #add(Object, ChallengeSession, long)}): for attacks, which were accepted. */
    public String accepted() {
        return accepted.toString().trim();
    }

    /** Rejected share, percent. */
    public double bpcer() {
        return sessions == 0 ? Double.NaN : 100.0 * (sessions - live) / sessions;
    }

    /** The q-quantile (0.5 median, 0.9) of the time to unlock, ms, a rejected session counting as never; MAX_VALUE if it falls on one. */
    public long quantileMillis(double q) {
        if (millis.isEmpty()) return Long.MAX_VALUE;
        long[] a = millis.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a[Math.min(a.length - 1, (int) Math.ceil(q * a.length) - 1)];
    }

    /** "median 1.83 s, p90 3.42 s" ("never" where a quantile falls on rejected sessions). */
    public String unlockTimes() {
        return "median " + seconds(quantileMillis(0.5)) + ", p90 " + seconds(quantileMillis(0.9));
    }

    private static String seconds(long ms) {
        return ms == Long.MAX_VALUE ? "never" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }

    /** "live 31 of 33 (BPCER 6.1%)". */
    public String summary() {
        return String.format(Locale.ROOT, "live %d of %d (BPCER %.1f%%)", live, sessions, bpcer());
    }
}
