package org.facegate.eval.liveness;

import java.util.Arrays;
import java.util.List;
import org.facegate.detect.MeshLandmarks;
import org.facegate.image.RgbImage;
import org.facegate.liveness.FaceGeometry;

/**
 * A bona fide head made from one real face photo, for measuring head-movement challenges where no video of a real head
 * movement exists: the face mesh's 468 landmarks of the photo with their depth (the mesh model's estimate, or another
 * depth: scaled, a generic head's, none), extended by two rings around the face outline that recede towards the back
 * of the head (hair, ears), triangulated and textured from the photo, turned as one rigid 3-D head (yaw, pitch) about
 * a pivot behind the face (the neck) in front of a pinhole camera and a still wall, and rendered with a depth buffer.
 *
 * <p>What it is not: a real head. The texture carries the photo's own lighting and turns with the head, there is no
 * neck or shoulders, the outline beyond the face is a guess, and the depth is the mesh model's estimate of the same
 * kind the challenge's parallax threshold was derived from. With depth 0 it is a flat photo turned as a plane: a
 * planar attack rendered the same way.
 */
public final class SyntheticHead {
    /** MediaPipe's FACEMESH_FACE_OVAL: the 36 points of the face outline. */
    static final int[] FACE_OVAL = {10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149,
            150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109};
    /** The rings around the outline: scale about the outline's centre, and depth behind the outline point, eye spans. */
    static final float[] RING_SCALE = {1.3f, 1.7f}, RING_DEPTH = {0.4f, 1.0f};
    /** The pivot of head movements: eye spans behind the face's mean depth, and below the eye line (the neck). */
    static final float PIVOT_BEHIND = 1.0f, PIVOT_BELOW = 0.6f;

    private final RgbImage texture;
    /** Per vertex: texture position (photo pixels) and geometry (x, y as the texture, depth in photo pixels). */
    private final float[] u, v, z;
    private final int[] triangles;
    private final double pivotX, pivotY, pivotZ;

    /**
     * @param photo the texture
     * @param mesh  the face's landmarks in {@code photo}
     * @param depth per landmark, photo pixels, smaller nearer the camera ({@link #meshDepth}, {@link #genericDepth})
     */
    public SyntheticHead(RgbImage photo, MeshLandmarks mesh, float[] depth) {
        if (depth.length != MeshLandmarks.COUNT) throw new IllegalArgumentException("need a depth per landmark, got " + depth.length);
        this.texture = photo;
        int rings = RING_SCALE.length, n = MeshLandmarks.COUNT + rings * FACE_OVAL.length;
        u = new float[n];
        v = new float[n];
        z = new float[n];
        float span = FaceGeometry.eyeSpan(mesh);
        double cx = 0, cy = 0, meanZ = 0;
        for (int i : FACE_OVAL) {
            cx += mesh.x(i) / FACE_OVAL.length;
            cy += mesh.y(i) / FACE_OVAL.length;
        }
        for (int i = 0; i < MeshLandmarks.COUNT; i++) {
            u[i] = mesh.x(i);
            v[i] = mesh.y(i);
            z[i] = depth[i];
            meanZ += depth[i] / MeshLandmarks.COUNT;
        }
        int k = MeshLandmarks.COUNT;
        for (int r = 0; r < rings; r++) {
            for (int i : FACE_OVAL) {
                u[k] = (float) (cx + RING_SCALE[r] * (mesh.x(i) - cx));
                v[k] = (float) (cy + RING_SCALE[r] * (mesh.y(i) - cy));
                z[k] = depth[i] + RING_DEPTH[r] * span;
                k++;
            }
        }
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = u[i];
            xy[2 * i + 1] = v[i];
        }
        triangles = Delaunay.triangulate(xy);
        double eyeY = (mesh.y(MeshLandmarks.RIGHT_EYE_OUTER) + mesh.y(MeshLandmarks.LEFT_EYE_OUTER)) / 2;
        pivotX = cx;
        pivotY = eyeY + PIVOT_BELOW * span;
        pivotZ = meanZ + PIVOT_BEHIND * span;
    }

    /** The mesh model's own depth of each landmark, times {@code scale} (0: a flat photo). */
    public static float[] meshDepth(MeshLandmarks mesh, float scale) {
        float[] d = new float[MeshLandmarks.COUNT];
        for (int i = 0; i < d.length; i++) d[i] = mesh.z(i) * scale;
        return d;
    }

    /**
     * One generic head: the mean over the meshes of each landmark's depth, less the mesh's mean depth, in eye spans.
     * {@link #genericDepth(float[], MeshLandmarks)} gives it the size of a face.
     */
    public static float[] meanDepth(List<MeshLandmarks> meshes) {
        float[] mean = new float[MeshLandmarks.COUNT];
        for (MeshLandmarks m : meshes) {
            double mz = 0;
            for (int i = 0; i < mean.length; i++) mz += m.z(i) / mean.length;
            float span = FaceGeometry.eyeSpan(m);
            for (int i = 0; i < mean.length; i++) mean[i] += (float) ((m.z(i) - mz) / span / meshes.size());
        }
        return mean;
    }

    /** The generic head's depth ({@link #meanDepth}) at the size of {@code mesh}'s face. */
    public static float[] genericDepth(float[] mean, MeshLandmarks mesh) {
        float span = FaceGeometry.eyeSpan(mesh);
        float[] d = new float[mean.length];
        for (int i = 0; i < d.length; i++) d[i] = mean[i] * span;
        return d;
    }

    /**
     * The head turned by {@code yaw} (positive: to the subject's left, the image's right) and {@code pitch} (positive:
     * looking up) degrees, the photo's centre at the frame's centre and its pixels {@code scale} frame pixels at rest,
     * seen by a pinhole camera of focal length 0.8 frame widths (a phone's front camera) in front of the wall of
     * {@link PlanarAttack}.
     */
    public RgbImage render(double yaw, double pitch, double scale, int width, int height) {
        double f = 0.8 * width, u0 = texture.width() / 2.0, v0 = texture.height() / 2.0;
        double cy = Math.cos(Math.toRadians(yaw)), sy = Math.sin(Math.toRadians(yaw));
        double cp = Math.cos(Math.toRadians(pitch)), sp = Math.sin(Math.toRadians(pitch));
        int n = u.length;
        double[] sx = new double[n], syy = new double[n], sz = new double[n];
        for (int i = 0; i < n; i++) {
            double dx = scale * (u[i] - pivotX), dy = scale * (v[i] - pivotY), dz = scale * (z[i] - pivotZ);
            // yaw about the vertical axis through the pivot: a point in front of it (dz < 0) moves to the image's right
            double x1 = dx * cy - dz * sy, z1 = dx * sy + dz * cy;
            // then pitch about the horizontal axis: a point in front of it moves up
            double y2 = dy * cp + z1 * sp, z2 = -dy * sp + z1 * cp;
            double x = scale * (pivotX - u0) + x1, y = scale * (pivotY - v0) + y2, depth = f + scale * pivotZ + z2;
            sx[i] = width / 2.0 + f * x / depth;
            syy[i] = height / 2.0 + f * y / depth;
            sz[i] = depth;
        }
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            int bg = PlanarAttack.wall(y, height);
            for (int x = 0; x < width; x++) out[y * width + x] = bg;
        }
        double[] zbuf = new double[width * height];
        Arrays.fill(zbuf, Double.POSITIVE_INFINITY);
        int[] src = texture.argb();
        int tw = texture.width(), th = texture.height();
        for (int t = 0; t < triangles.length; t += 3) {
            int a = triangles[t], b = triangles[t + 1], c = triangles[t + 2];
            double area = (sx[b] - sx[a]) * (syy[c] - syy[a]) - (syy[b] - syy[a]) * (sx[c] - sx[a]);
            if (Math.abs(area) < 1e-9) continue;
            int x0 = Math.max(0, (int) Math.floor(Math.min(sx[a], Math.min(sx[b], sx[c])))), x1 = Math.min(width - 1, (int) Math.ceil(Math.max(sx[a], Math.max(sx[b], sx[c]))));
            int y0 = Math.max(0, (int) Math.floor(Math.min(syy[a], Math.min(syy[b], syy[c])))), y1 = Math.min(height - 1, (int) Math.ceil(Math.max(syy[a], Math.max(syy[b], syy[c]))));
            for (int y = y0; y <= y1; y++) {
                double py = y + 0.5;
                for (int x = x0; x <= x1; x++) {
                    double px = x + 0.5;
                    double wa = ((sx[b] - px) * (syy[c] - py) - (syy[b] - py) * (sx[c] - px)) / area;
                    double wb = ((sx[c] - px) * (syy[a] - py) - (syy[c] - py) * (sx[a] - px)) / area;
                    double wc = 1 - wa - wb;
                    if (wa < -1e-9 || wb < -1e-9 || wc < -1e-9) continue;
                    double d = wa * sz[a] + wb * sz[b] + wc * sz[c];
                    int o = y * width + x;
                    if (d >= zbuf[o]) continue;
                    zbuf[o] = d;
                    double tu = wa * u[a] + wb * u[b] + wc * u[c], tv = wa * v[a] + wb * v[b] + wc * v[c];
                    out[o] = PlanarAttack.bilinear(src, tw, th, tu - 0.5, tv - 0.5);
                }
            }
        }
        return new RgbImage(width, height, out);
    }

    /** {@link #render} with a camera's degradation, seeded per frame as {@link PlanarAttack#frame} is. */
    public RgbImage frame(double yaw, double pitch, double scale, int width, int height, PlanarAttack.Degradation degradation, int index, long seed) {
        return PlanarAttack.degrade(render(yaw, pitch, scale, width, height), degradation, index, seed);
    }
}
