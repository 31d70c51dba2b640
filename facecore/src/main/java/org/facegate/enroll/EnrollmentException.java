package org.facegate.enroll;

/**
 * Enrollment refused as a whole; {@link #reason()} says which rule refused it, the message says why in words, naming
 * the samples (and people) involved.
 */
public final class EnrollmentException extends Exception {
    /** Which rule refused the enrollment. */
    public enum Reason {
        /** No sample passed the quality gate. */
        NO_SAMPLE,
        /** Two samples of the enrollment show different people ({@link SamePerson}). */
        DIFFERENT_PEOPLE,
        /** A sample does not show the enrolled person it is added to ({@link SamePerson}). */
        NOT_THE_PERSON,
        /** A sample shows someone else who is enrolled. */
        SOMEONE_ELSE
    }

    private final Reason reason;

    public EnrollmentException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
