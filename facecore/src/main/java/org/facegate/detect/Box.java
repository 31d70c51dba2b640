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

    /**
     * The square of {@code scale} times this box's longer side, centred on it, rounded to whole pixels and clipped to
     * a {@code frameWidth} x {@code frameHeight} frame: a face with its head and some background, cut out of a group
     * photo to be seen as if it filled a selfie frame. The result lies inside the frame; it is empty (width or height
     * 0) when this box lies outside the frame.
     */
    public Box squareCrop(float scale, int frameWidth, int frameHeight) {
        float side = Math.max(width(), height()) * scale;
        float cx = (left + right) / 2, cy = (top + bottom) / 2;
        int x0 = Math.max(0, Math.round(cx - side / 2)), y0 = Math.max(0, Math.round(cy - side / 2));
        int x1 = Math.min(frameWidth, Math.round(cx + side / 2)), y1 = Math.min(frameHeight, Math.round(cy + side / 2));
        return new Box(x0, y0, Math.max(x0, x1), Math.max(y0, y1));
    }

    /** This box moved by (dx, dy). */
    public Box translated(float dx, float dy) {
        return new Box(left + dx, top + dy, right + dx, bottom + dy);
    }
}
