/**
 * Measurement code, never ships to the phone. MTCNN, the detector comparable apps use: the benchmark baseline and a
 * comparison for FaceGate's default detector ({@link org.facegate.eval.detect.EvalDetectors} opens it beside those).
 */
package org.facegate.eval.detect;
