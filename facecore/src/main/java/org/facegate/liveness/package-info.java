/**
 * Runtime code, ships to the phone. Pipeline stage <b>liveness</b>: the active challenge (blink, head turns, looking up
 * and down, three drawn at random) on Face Mesh landmarks, eye appearance and parallax tracking that reject a photo or a
 * screen moved as a plane, with the identity checked on every frame ({@link org.facegate.liveness.ChallengeSession}).
 * The attacks and synthetic heads that measure it are measurement code, in {@code org.facegate.eval.liveness}
 * (facecore-measure).
 */
package org.facegate.liveness;
