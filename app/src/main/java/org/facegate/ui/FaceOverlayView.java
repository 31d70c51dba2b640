package org.facegate.ui;

import android.content.Context;
import android.graphics.Canvas;
import android.graphics.Paint;
import android.graphics.RectF;
import android.view.View;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.facegate.detect.Box;

/**
 * Draws face boxes and names over the camera preview. Boxes are in the pixels of the camera's unmirrored frame; the
 * view mirrors them, as the front camera's preview is mirrored, and maps them with the same centre-crop the preview
 * uses (scale to fill, centred), so they sit on the faces at any view shape.
 */
public final class FaceOverlayView extends View {
    /** A box to draw with its label (may be empty) and colour. */
    public record Mark(Box box, String label, int color) {}

    private final Paint stroke = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final Paint text = new Paint(Paint.ANTI_ALIAS_FLAG);
    private final Paint textBackground = new Paint();
    private final RectF r = new RectF();
    private int frameWidth, frameHeight;
    private List<Mark> marks = Collections.emptyList();

    public FaceOverlayView(Context context) {
        super(context);
        float density = getResources().getDisplayMetrics().density;
        stroke.setStyle(Paint.Style.STROKE);
        stroke.setStrokeWidth(3 * density);
        text.setTextSize(16 * density);
        text.setColor(0xFFFFFFFF);
        textBackground.setColor(0x99000000);
        setContentDescription("face overlay");
    }

    /** Shows these marks on a frame of the given size. */
    public void show(int frameWidth, int frameHeight, List<Mark> marks) {
        this.frameWidth = frameWidth;
        this.frameHeight = frameHeight;
        this.marks = Collections.unmodifiableList(new ArrayList<>(marks));
        invalidate();
    }

    /** The marks shown now (tests read the labels). */
    public List<Mark> marks() {
        return marks;
    }

    /**
     * Where a box of the unmirrored frame appears in a view showing the frame mirrored and centre-cropped (scaled to
     * fill, centred).
     */
    static void place(Box box, int frameWidth, int frameHeight, int viewWidth, int viewHeight, RectF out) {
        float scale = Math.max(viewWidth / (float) frameWidth, viewHeight / (float) frameHeight);
        float dx = (viewWidth - frameWidth * scale) / 2, dy = (viewHeight - frameHeight * scale) / 2;
        out.set(dx + (frameWidth - box.right()) * scale, dy + box.top() * scale, dx + (frameWidth - box.left()) * scale, dy + box.bottom() * scale);
    }

    @Override
    protected void onDraw(Canvas canvas) {
        if (frameWidth == 0 || marks.isEmpty()) return;
        for (Mark m : marks) {
            place(m.box(), frameWidth, frameHeight, getWidth(), getHeight(), r);
            stroke.setColor(m.color());
            canvas.drawRect(r, stroke);
            if (!m.label().isEmpty()) {
                float w = text.measureText(m.label()), h = text.getTextSize();
                float top = Math.max(0, r.top - h - 8);
                canvas.drawRect(r.left, top, r.left + w + 12, top + h + 8, textBackground);
                canvas.drawText(m.label(), r.left + 6, top + h, text);
            }
        }
    }
}
