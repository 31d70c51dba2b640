package org.facegate.detect;

/** A position in image pixel coordinates (x to the right, y down). */
public record Point(float x, float y) {
    /** Euclidean distance to another point. */
    public float distance(Point o) {
        return (float) Math.hypot(x - o.x, y - o.y);
    }

    /** The point halfway to another. */
    public Point midpoint(Point o) {
        return new Point((x + o.x) / 2, (y + o.y) / 2);
    }
}
