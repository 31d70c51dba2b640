package org.facegate.eval;

/** Receives progress of long runs (evaluation, calibration, benchmarks) so a terminal can show an ETA. */
public interface Progress {
    /** Called after each unit of work: {@code done} of {@code total}. */
    void update(String task, int done, int total);

    /** Discards progress. */
    Progress NONE = (task, done, total) -> { };
}
