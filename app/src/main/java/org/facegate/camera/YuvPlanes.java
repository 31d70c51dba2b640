package org.facegate.camera;

import java.nio.ByteBuffer;

/**
 * The three planes of a YUV 4:2:0 image as Android's {@code YUV_420_888} delivers them: a luma plane (pixel stride 1,
 * which the format guarantees) and two chroma planes at half resolution sharing a row and a pixel stride (1 planar,
 * 2 semi-planar, as NV21/NV12 cameras give). Buffers are read with absolute gets, so their positions do not matter.
 *
 * @param width          luma width in pixels
 * @param height         luma height in pixels
 * @param y              luma plane, {@code yRowStride} bytes per row
 * @param u              Cb plane
 * @param v              Cr plane
 * @param uvRowStride    bytes per chroma row
 * @param uvPixelStride  bytes between neighbouring chroma samples in a row
 */
public record YuvPlanes(int width, int height, ByteBuffer y, int yRowStride, ByteBuffer u, ByteBuffer v, int uvRowStride, int uvPixelStride) {
    public YuvPlanes {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("YUV size must be positive: " + width + "x" + height);
        if (yRowStride < width) throw new IllegalArgumentException("Y row stride " + yRowStride + " < width " + width);
        if (uvPixelStride < 1) throw new IllegalArgumentException("chroma pixel stride " + uvPixelStride + " < 1");
        int cw = (width + 1) / 2, ch = (height + 1) / 2;
        if (uvRowStride < (cw - 1) * uvPixelStride + 1) {
            throw new IllegalArgumentException("chroma row stride " + uvRowStride + " too small for " + cw + " samples at pixel stride " + uvPixelStride);
        }
        // the last row of a plane may stop right after its last pixel (Camera2 leaves out the row padding there)
        need("Y", y, (long) (height - 1) * yRowStride + width);
        need("U", u, (long) (ch - 1) * uvRowStride + (long) (cw - 1) * uvPixelStride + 1);
        need("V", v, (long) (ch - 1) * uvRowStride + (long) (cw - 1) * uvPixelStride + 1);
    }

    private static void need(String plane, ByteBuffer b, long bytes) {
        if (b.limit() < bytes) throw new IllegalArgumentException(plane + " plane has " + b.limit() + " bytes, needs " + bytes);
    }
}
