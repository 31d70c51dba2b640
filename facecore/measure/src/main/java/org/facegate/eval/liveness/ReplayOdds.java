package org.facegate.eval.liveness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.facegate.liveness.Challenge;
import org.facegate.liveness.ChallengeSession;

/**
 * The odds that a replayed video of the owner opens the gate, computed from the challenge set: the video is a fixed
 * sequence of events (blinks and head movements), and a session of challenges drawn as the gate draws them
 * ({@link ChallengeSession#randomOrder}, each with its {@link ChallengeSession#odds}) takes them as the session does:
 * the asked event completes a challenge, a blink during a head challenge is ignored (people blink all the time), any
 * other head movement is a wrong movement and ends the session. Timing is assumed to favour the attacker (every event
 * in time).
 *
 * <p>The best video for sessions of n challenges is {@link #best}: n blinks before each of n movements. It passes
 * every blink challenge and a movement challenge whenever the movement is its next one, so each challenge with
 * probability {@code odds(BLINK) + odds(one movement)}, independently; no fixed video does better, since a movement
 * challenge is passed only by the video's next movement, whatever it holds (ReplayOddsTest checks this against every
 * video of up to 7 events).
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

    /** The probability that the gate draws {@code order}. */
    public static double drawn(List<Challenge> order) {
        double p = 1;
        for (Challenge c : order) p *= ChallengeSession.odds(c);
        return p;
    }

    /** The probability that a session of {@code n} drawn challenges accepts the video. */
    static double odds(List<Challenge> events, int n) {
        double p = 0;
        for (List<Challenge> o : HeadEvaluation.allOrders(n)) if (accepts(events, o)) p += drawn(o);
        return p;
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

    /** The best video against sessions of {@code n} challenges: n blinks before each of n turns to the left. */
    static List<Challenge> best(int n) {
        List<Challenge> v = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < n; b++) v.add(Challenge.BLINK);
            v.add(Challenge.TURN_LEFT);
        }
        return v;
    }

    /**
     * The probability that one of {@code attempts} sessions accepts the video, the k-th (from 0) asking
     * {@link ChallengeSession#challengesAfter}(k) challenges: every refused attempt of the video is a failed face
     * attempt, so the next asks one more.
     */
    static double beforePin(List<Challenge> events, int attempts) {
        double refused = 1;
        for (int k = 0; k < attempts; k++) refused *= 1 - odds(events, ChallengeSession.challengesAfter(k));
        return 1 - refused;
    }

    /**
     * The computed odds for a video of {@code moves}, with natural blinks, and for the best video an attacker could make,
     * per attempt and over the {@code attempts} face attempts the gate allows before the PIN.
     */
    public static String report(List<Challenge> moves, int attempts) {
        int last = ChallengeSession.challengesAfter(attempts - 1);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "computed (challenges drawn from %d, a blink with probability %.4f, each movement %.4f; %d to %d challenges per attempt, "
                        + "one more after each failure; %d attempts before the PIN):",
                Challenge.values().length, ChallengeSession.odds(Challenge.BLINK), ChallengeSession.odds(Challenge.TURN_LEFT),
                ChallengeSession.ACTIVE_CHALLENGES, last, attempts));
        Object[][] videos = {{"the video " + moves, moves}, {"the same with a natural blink before, between and after", withBlinks(moves)},
                {"the best video (" + last + " blinks before each of " + last + " movements)", best(last)}};
        for (Object[] v : videos) {
            @SuppressWarnings("unchecked")
            List<Challenge> events = (List<Challenge>) v[1];
            sb.append(String.format(Locale.ROOT, "%n  %s: per attempt", v[0]));
            for (int k = 0; k < attempts; k++) {
                int n = ChallengeSession.challengesAfter(k);
                sb.append(String.format(Locale.ROOT, " %.2f%% (%d challenges)", 100 * odds(events, n), n));
            }
            sb.append(String.format(Locale.ROOT, "; before the PIN %.2f%%", 100 * beforePin(events, attempts)));
        }
        return sb.toString();
    }
}
