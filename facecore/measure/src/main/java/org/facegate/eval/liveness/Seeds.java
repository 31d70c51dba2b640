package org.facegate.eval.liveness;

import java.util.Random;

/**
 * Reproducible random streams for the replays. {@code new Random(seed)} for nearby seeds gives nearly the same first
 * draw (seeds 0..49: 0.7305-0.7312), so a stream per frame or per session seeded by {@code seed + i} is no jitter at
 * all: the capture times of a whole session were shifted by one constant, and every simulated owner's first reaction
 * was the same 92 ms late. Seeds are mixed first (SplitMix64's finalizer), so neighbouring streams are unrelated.
 */
final class Seeds {
    private Seeds() {}

    /**
     * What a stream serves. Without it two uses of one seed and index drew the same numbers: frame i's capture jitter
     * was its noise, and the pipeline's cost jitter was the simulated owner's reaction jitter.
     */
    enum Use {
        CAPTURE_JITTER(0), PROCESSING_COST(1), REACTION(2), NOISE(3);

        /** Mixed into the seed: fixed, so that adding a use does not change the streams (and the measurements) of the others. */
        private final int id;

        Use(int id) {
            this.id = id;
        }
    }

    /** A stream for the seed, what it serves, and the index of what it serves (a frame; 0 for a whole session). */
    static Random random(long seed, Use use, long index) {
        return new Random(mix(mix(mix(seed) + use.id) + index));
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
