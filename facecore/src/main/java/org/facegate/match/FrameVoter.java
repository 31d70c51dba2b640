package org.facegate.match;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Multi-frame agreement: a name is confirmed only when at least {@code k} of the last {@code n} frames identified
 * that same person. A stranger who resembles an enrolled person may pass one frame; passing k of n independent
 * frames is far less likely. Unknown frames count as votes for nobody.
 */
public final class FrameVoter {
    private final int k, n;
    private final Deque<String> window = new ArrayDeque<>();

    public FrameVoter(int k, int n) {
        if (k < 1 || n < k) throw new IllegalArgumentException("need 1 <= k <= n, got k=" + k + " n=" + n);
        this.k = k;
        this.n = n;
    }

    /**
     * Adds one frame's result and returns the confirmed name, or null while no person has k votes in the window.
     */
    public String add(Identification frame) {
        window.addLast(frame.known() ? frame.name() : "");
        if (window.size() > n) window.removeFirst();
        Map<String, Integer> votes = new HashMap<>();
        for (String name : window) {
            if (name.isEmpty()) continue;
            int v = votes.merge(name, 1, Integer::sum);
            if (v >= k) return name;
        }
        return null;
    }

    /** Forgets all frames (new face, new session). */
    public void reset() {
        window.clear();
    }
}
