package org.facegate.camera;

import android.graphics.Matrix;
import android.graphics.RectF;
import android.util.Size;

/**
 * The camera's geometry decisions, apart from Camera2 so that tests can drive them: how far to turn sensor images,
 * which stream sizes to ask for, and how to show the preview buffer in its view.
 */
public final class CameraGeometry {
    /** Analysis resolution asked for: faces at arm's length stay well above the quality gate's minimum size. */
    public static final int ANALYSIS_WIDTH = 640, ANALYSIS_HEIGHT = 480;
    /**
     * Largest preview asked for: 1080p is the PREVIEW size every Camera2 device guarantees beside a YUV stream
     * (CameraDevice#createCaptureSession's stream combinations).
     */
    public static final int MAX_PREVIEW_WIDTH = 1920, MAX_PREVIEW_HEIGHT = 1080;

    private CameraGeometry() {}

    /**
     * The clockwise rotation that turns a sensor image upright on a display rotated by {@code displayDegrees}
     * (Camera2's JPEG-orientation rule: a front camera turns against the display, a back camera with it).
     */
    public static int frameRotation(int sensorDegrees, int displayDegrees, boolean front) {
        return front ? (sensorDegrees + displayDegrees) % 360 : (sensorDegrees - displayDegrees + 360) % 360;
    }

    /**
     * The analysis size: among the YUV sizes of the sensor's shape (4:3 on nearly every phone: the full field of view,
     * so the preview and the overlay show what is analysed), the one nearest 640x480 in area; without such a size,
     * the nearest of all; without any list, 640x480.
     */
    public static Size analysisSize(Size[] yuvSizes, Size sensorShape) {
        if (yuvSizes == null || yuvSizes.length == 0) return new Size(ANALYSIS_WIDTH, ANALYSIS_HEIGHT);
        long want = (long) ANALYSIS_WIDTH * ANALYSIS_HEIGHT;
        Size best = null, bestShaped = null;
        for (Size s : yuvSizes) {
            if (best == null || areaDistance(s, want) < areaDistance(best, want)) best = s;
            if (sameShape(s, sensorShape) && (bestShaped == null || areaDistance(s, want) < areaDistance(bestShaped, want))) bestShaped = s;
        }
        return bestShaped != null ? bestShaped : best;
    }

    /**
     * The preview size: of the analysis size's shape (so both streams see the same field of view and the overlay's
     * boxes land on the faces), the smallest that covers the display (its long side along the sensor's width), at most
     * 1920x1080; the largest such size below the display if none covers it; the analysis size itself if no preview size
     * has its shape.
     */
    public static Size previewSize(Size[] previewSizes, Size analysis, int displayWidth, int displayHeight) {
        int longSide = Math.max(displayWidth, displayHeight), shortSide = Math.min(displayWidth, displayHeight);
        Size cover = null, largest = null;
        if (previewSizes != null) {
            for (Size s : previewSizes) {
                if (!sameShape(s, analysis) || s.getWidth() > MAX_PREVIEW_WIDTH || s.getHeight() > MAX_PREVIEW_HEIGHT) continue;
                if (s.getWidth() >= longSide && s.getHeight() >= shortSide && (cover == null || area(s) < area(cover))) cover = s;
                if (largest == null || area(s) > area(largest)) largest = s;
            }
        }
        return cover != null ? cover : largest != null ? largest : analysis;
    }

    /**
     * The transform that shows a camera preview buffer of {@code buffer} size in a view of {@code viewWidth} x
     * {@code viewHeight} without distortion, filling it (centre crop, the mapping {@code FaceOverlayView} uses for the
     * boxes), and turned for landscape displays. A TextureView stretches the buffer to the view after turning it by
     * the sensor orientation for the device's natural (portrait) orientation; on a landscape display the buffer must
     * be turned back by the display rotation (Camera2Basic's configureTransform), on a reverse portrait one by 180.
     */
    public static Matrix previewTransform(int viewWidth, int viewHeight, Size buffer, int displayDegrees) {
        Matrix m = new Matrix();
        RectF view = new RectF(0, 0, viewWidth, viewHeight);
        float cx = view.centerX(), cy = view.centerY();
        boolean landscape = displayDegrees == 90 || displayDegrees == 270;
        // the buffer as the view would show it unscaled: the sensor's landscape shape on a landscape display, else portrait
        float bw = landscape ? buffer.getWidth() : buffer.getHeight(), bh = landscape ? buffer.getHeight() : buffer.getWidth();
        float scale = Math.max(viewWidth / bw, viewHeight / bh);
        if (landscape) {
            RectF rotated = new RectF(0, 0, bh, bw);
            rotated.offset(cx - rotated.centerX(), cy - rotated.centerY());
            m.setRectToRect(view, rotated, Matrix.ScaleToFit.FILL);
            m.postScale(scale, scale, cx, cy);
            m.postRotate(displayDegrees == 90 ? 270 : 90, cx, cy);
        } else {
            m.setScale(bw * scale / viewWidth, bh * scale / viewHeight, cx, cy);
            if (displayDegrees == 180) m.postRotate(180, cx, cy);
        }
        return m;
    }

    private static boolean sameShape(Size a, Size b) {
        // 1% tolerance: 1088x816 style sizes
        return Math.abs((float) a.getWidth() / a.getHeight() - (float) b.getWidth() / b.getHeight()) < 0.01f * a.getWidth() / a.getHeight();
    }

    private static long area(Size s) {
        return (long) s.getWidth() * s.getHeight();
    }

    private static long areaDistance(Size s, long want) {
        return Math.abs(area(s) - want);
    }
}
