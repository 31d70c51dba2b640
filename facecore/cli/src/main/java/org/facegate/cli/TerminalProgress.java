package org.facegate.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.facegate.eval.Progress;

/** Progress with percentage and ETA on stderr, redrawn in place at most a few times a second. */
public final class TerminalProgress implements Progress {
    private final PrintStream out;
    private long start = -1, lastDraw;
    private String task;

    public TerminalProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void update(String task, int done, int total) {
        long now = System.nanoTime();
        if (!task.equals(this.task)) {
            this.task = task;
            start = now;
        }
        if (done < total && now - lastDraw < 250_000_000L) return;
        lastDraw = now;
        double elapsed = (now - start) / 1e9;
        double eta = done == 0 ? 0 : elapsed / done * (total - done);
        out.printf(Locale.ROOT, "\r%s: %d/%d (%.0f%%) elapsed %.0fs ETA %.0fs   ", task, done, total, 100.0 * done / total, elapsed, eta);
        if (done >= total) out.println();
        out.flush();
    }
}
