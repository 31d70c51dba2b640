/**
 * Measurement code, never ships to the phone. The LFW verification protocol, calibration of the security levels,
 * open-set identification, template scoring and the triplet margin: what the numbers in the README and
 * docs/facecore-report.md come from.
 */
package org.facegate.eval;
