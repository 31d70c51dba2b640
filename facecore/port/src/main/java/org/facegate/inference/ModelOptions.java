package org.facegate.inference;

/**
 * What a model wrapper asks of the runtime for its model. The runtime decides the rest (threads, whether a GPU is
 * there at all) and reports its choice as the model's {@link Placement}.
 *
 * @param gpu                  the model may run on a GPU delegate where the runtime has one
 * @param precisionLossAllowed the GPU may compute in fp16; off where calibrated thresholds assume float32 maths
 */
public record ModelOptions(boolean gpu, boolean precisionLossAllowed) {
    /** GPU where available, fp16 maths allowed: detectors and landmarks, whose outputs are not compared with thresholds calibrated in float32. */
    public static final ModelOptions FAST = new ModelOptions(true, true);
    /** GPU where available, float32 maths: the embedder, whose scores meet thresholds calibrated in float32. */
    public static final ModelOptions EXACT = new ModelOptions(true, false);
    /** The CPU only, e.g. the reference run a GPU result is checked against. */
    public static final ModelOptions CPU = new ModelOptions(false, false);
}
