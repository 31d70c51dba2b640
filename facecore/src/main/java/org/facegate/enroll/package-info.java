/**
 * Runtime code, ships to the phone. Pipeline stage <b>enroll</b>: the quality gate (no face, several faces, too small,
 * dark, bright, blurred, turned: {@link org.facegate.enroll.QualityIssue}), samples, the rule that an enrollment's
 * samples show one person and the person they join ({@link org.facegate.enroll.SamePerson}), the refusal of a
 * template that matches someone else, and the rule for names ({@link org.facegate.enroll.PersonName}), shared by the
 * CLI and the app.
 */
package org.facegate.enroll;
