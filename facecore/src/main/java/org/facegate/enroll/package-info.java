/**
 * Runtime code, ships to the phone. Pipeline stage <b>enroll</b>: the quality gate (no face, several faces, too small,
 * dark, bright, blurred, turned: {@link org.facegate.enroll.QualityIssue}), samples, and the refusal of a template that
 * matches someone else.
 */
package org.facegate.enroll;
