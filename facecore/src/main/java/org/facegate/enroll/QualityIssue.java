package org.facegate.enroll;

/** Why a sample is refused for enrollment; each carries the advice the app shows. */
public enum QualityIssue {
    NO_FACE("no face found"),
    SEVERAL_FACES("several faces in view: only the person enrolling should be in the picture"),
    TOO_SMALL("face too small: move closer"),
    TOO_DARK("too dark: find more light"),
    TOO_BRIGHT("too bright: avoid direct light on the face"),
    BLURRED("blurred: hold still"),
    HEAD_TURNED("head turned: look straight at the camera");

    private final String advice;

    QualityIssue(String advice) {
        this.advice = advice;
    }

    /** A short sentence telling the user what to change. */
    public String advice() {
        return advice;
    }
}
