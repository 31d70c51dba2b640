package org.facegate.inference;

/**
 * Where a model runs, and why there: what a diagnostics screen and a benchmark report per model.
 *
 * @param backend the processor that runs it
 * @param detail  the runtime's configuration and the reason for the choice, e.g. "XNNPACK, 2 threads" or "GPU
 *                delegate refused the model (...), CPU instead"
 */
public record Placement(Backend backend, String detail) {
    /** The processor a model runs on. */
    public enum Backend {
        CPU,
        GPU
    }

    @Override
    public String toString() {
        return backend + " (" + detail + ")";
    }
}
