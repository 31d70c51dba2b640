package org.facegate.enroll;

/** Enrollment refused as a whole: the message says why (no usable sample, face already enrolled as someone else). */
public final class EnrollmentException extends Exception {
    public EnrollmentException(String message) {
        super(message);
    }
}
