/**
 * Runtime code, ships to the phone. Pipeline stage <b>match</b>: cosine similarity against templates (a person's
 * samples' normalized mean), 1:1 verification, 1:K identification with "unknown" and an ambiguity margin, frame
 * voting, and the calibrated {@link org.facegate.match.SecurityLevel}s.
 */
package org.facegate.match;
