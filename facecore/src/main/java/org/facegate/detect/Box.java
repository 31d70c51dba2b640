package org.facegate.detect;

/** An axis-aligned rectangle in image pixels; {@code left <= right}, {@code top <= bottom}. */
public record Box(float left, float top, float right, float bottom) {
    public float width() {
        return right - left;
    }

    public float height() {
        return bottom - top;
    }

    public float area() {
        return Math.max(0, width()) * Math.max(0, height());
    }

    /** Intersection over union with another box, 0 when disjoint. */
    public float iou(Box o) {
        float iw = Math.min(right, o.right) - Math.max(left, o.left);
        float ih = Math.min(bottom, o.bottom) - Math.max(top, o.top);
        if (iw <= 0 || ih <= 0) return 0;
        float inter = iw * ih;
        return inter / (area() + o.area() - inter);
    }

    /** This box moved by (dx, dy). */
    public Box translated(float dx, float dy) {
        return new Box(left + dx, top + dy, right + dx, bottom + dy);
    }
}
