package org.facegate.enroll;

/** Why a name cannot be a person's name; each carries the sentence shown to the user. */
public enum NameIssue {
    EMPTY("a name is needed (spaces alone are not a name)"),
    CONTROL_CHARACTER("a name cannot contain line breaks, tabs or other control characters"),
    TOO_LONG("a name is at most " + PersonName.MAX_LENGTH + " characters long");

    private final String advice;

    NameIssue(String advice) {
        this.advice = advice;
    }

    /** A short sentence saying what is wrong. */
    public String advice() {
        return advice;
    }
}
