/**
 * Runtime code, ships to the phone. Pipeline stage <b>liveness</b>: the active challenge (blink, head turn) on Face
 * Mesh landmarks, eye appearance and parallax tracking that reject a photo or a screen moved as a plane, with the
 * identity checked on every frame ({@link org.facegate.liveness.ChallengeSession}). {@code PlanarAttack} and
 * {@code AttackEvaluation} generate and score attacks: measurement code that leaves this package (and the APK) with
 * the liveness issue.
 */
package org.facegate.liveness;
