package org.facegate.eval.liveness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.facegate.liveness.Challenge;
import org.facegate.liveness.ChallengeSession;

/**
 * The odds that a replayed video of the owner opens the gate, computed from the challenge set: the video is a fixed
 * sequence of events (blinks and head movements), and a session of {@link ChallengeSession#ACTIVE_CHALLENGES} challenges
 * drawn uniformly from all {@link Challenge}s takes them as the session does: the asked event completes a challenge, a
 * blink during a head challenge is ignored (people blink all the time), any other head movement is a wrong movement
 * and ends the session. Timing is assumed to favour the attacker (every event in time).
 */
public final class ReplayOdds {
    private ReplayOdds() {}

    /** Whether a session asking for {@code order} accepts a video of {@code events}. */
    static boolean accepts(List<Challenge> events, List<Challenge> order) {
        int p = 0;
        for (Challenge asked : order) {
            while (true) {
                if (p >= events.size()) return false;
                Challenge e = events.get(p++);
                if (e == asked) break;
                if (e == Challenge.BLINK) continue;
                return false;
            }
        }
        return true;
    }

    /** How many of the orders accept the video. */
    static int accepted(List<Challenge> events) {
        int n = 0;
        for (List<Challenge> o : HeadEvaluation.allOrders(ChallengeSession.ACTIVE_CHALLENGES)) if (accepts(events, o)) n++;
        return n;
    }

    /** The video of the given events with a blink before, between and after them (the owner blinking naturally). */
    static List<Challenge> withBlinks(List<Challenge> moves) {
        List<Challenge> v = new ArrayList<>();
        v.add(Challenge.BLINK);
        for (Challenge m : moves) {
            v.add(m);
            v.add(Challenge.BLINK);
        }
        return v;
    }

    /** The video of at most {@code maxLength} events that the most orders accept (exhaustive search). */
    static List<Challenge> best(int maxLength) {
        Challenge[] all = Challenge.values();
        List<Challenge> best = List.of();
        int bestCount = 0;
        for (int len = 1; len <= maxLength; len++) {
            int[] digits = new int[len];
            for (long k = 0, total = (long) Math.pow(all.length, len); k < total; k++) {
                long r = k;
                List<Challenge> v = new ArrayList<>(len);
                for (int i = 0; i < len; i++) {
                    digits[i] = (int) (r % all.length);
                    r /= all.length;
                    v.add(all[digits[i]]);
                }
                int c = accepted(v);
                if (c > bestCount) {
                    bestCount = c;
                    best = v;
                }
            }
        }
        return best;
    }

    /** Probability that at least one of {@code attempts} independent sessions accepts a video accepted by {@code p} of them. */
    static double overAttempts(double p, int attempts) {
        return 1 - Math.pow(1 - p, attempts);
    }

    /** The computed odds for a video of {@code moves}, with natural blinks, and for the best video an attacker could make. */
    public static String report(List<Challenge> moves) {
        int orders = HeadEvaluation.allOrders(ChallengeSession.ACTIVE_CHALLENGES).size();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "computed (%d challenges drawn from %d, %d orders; odds per attempt, and over 2, 3 and 5 attempts):", ChallengeSession.ACTIVE_CHALLENGES,
                Challenge.values().length, orders));
        Object[][] videos = {{"the video " + moves, moves}, {"the same with a natural blink before, between and after", withBlinks(moves)},
                {"the best video of up to 7 events", best(7)}};
        for (Object[] v : videos) {
            @SuppressWarnings("unchecked")
            List<Challenge> events = (List<Challenge>) v[1];
            int n = accepted(events);
            double p = (double) n / orders;
            sb.append(String.format(Locale.ROOT, "%n  %s: %s accepted by %d of %d orders, %.2f%%; 2 attempts %.2f%%, 3 attempts %.2f%%, 5 attempts %.2f%%", v[0],
                    events, n, orders, 100 * p, 100 * overAttempts(p, 2), 100 * overAttempts(p, 3), 100 * overAttempts(p, 5)));
        }
        return sb.toString();
    }
}
