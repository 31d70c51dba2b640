package org.facegate.detect;

/**
 * Facial keypoints in image pixels. "Left" and "right" are as seen in the image (the subject's right eye is
 * {@link #leftEye()} in an unmirrored photo). MTCNN gives mouth corners; BlazeFace gives only the mouth centre,
 * so {@link #mouthLeft()} and {@link #mouthRight()} may be null while {@link #mouthCenter()} never is.
 */
public record Landmarks(Point leftEye, Point rightEye, Point nose, Point mouthLeft, Point mouthRight, Point mouthCenter) {
    /** Five-point landmarks (MTCNN and most alignment templates); the mouth centre is the corners' midpoint. */
    public static Landmarks ofFive(Point leftEye, Point rightEye, Point nose, Point mouthLeft, Point mouthRight) {
        return new Landmarks(leftEye, rightEye, nose, mouthLeft, mouthRight, mouthLeft.midpoint(mouthRight));
    }

    /** Four-point landmarks (BlazeFace): eyes, nose tip and mouth centre. */
    public static Landmarks ofFour(Point leftEye, Point rightEye, Point nose, Point mouthCenter) {
        return new Landmarks(leftEye, rightEye, nose, null, null, mouthCenter);
    }

    /** Whether mouth corners are known (five-point alignment possible). */
    public boolean hasMouthCorners() {
        return mouthLeft != null && mouthRight != null;
    }

    /** Distance between the eye centres in pixels: the scale that quality gates reason about. */
    public float interocular() {
        return leftEye.distance(rightEye);
    }

    /**
     * Head yaw estimate in [-1, 1] from where the nose falls between the eyes: 0 frontal, negative when the nose is
     * nearer the left eye in the image. About 0.5 is a quarter turn; good enough for quality gates and challenges.
     */
    public float yawRatio() {
        float dl = Math.abs(nose.x() - leftEye.x()), dr = Math.abs(rightEye.x() - nose.x());
        float sum = dl + dr;
        return sum == 0 ? 0 : (dl - dr) / sum;
    }

    /** These keypoints moved by (dx, dy), e.g. from a crop's pixels back to the frame's. */
    public Landmarks translated(float dx, float dy) {
        return new Landmarks(move(leftEye, dx, dy), move(rightEye, dx, dy), move(nose, dx, dy), move(mouthLeft, dx, dy),
                move(mouthRight, dx, dy), move(mouthCenter, dx, dy));
    }

    private static Point move(Point p, float dx, float dy) {
        return p == null ? null : new Point(p.x() + dx, p.y() + dy);
    }
}
