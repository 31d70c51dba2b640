package org.facegate.eval.liveness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delaunay triangulation of points in the plane (Bowyer-Watson, quadratic time: fine for the few hundred points of a
 * face mesh). {@link SyntheticHead} triangulates a frontal face's landmarks with it, as a height field.
 */
final class Delaunay {
    private Delaunay() {}

    /**
     * @param xy points, x, y interleaved (distinct)
     * @return triangles as index triples into the points
     */
    static int[] triangulate(float[] xy) {
        int n = xy.length / 2;
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, xy[2 * i]);
            maxX = Math.max(maxX, xy[2 * i]);
            minY = Math.min(minY, xy[2 * i + 1]);
            maxY = Math.max(maxY, xy[2 * i + 1]);
        }
        double d = Math.max(maxX - minX, maxY - minY) * 20, cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
        // the points, then a super-triangle containing them all
        double[] px = new double[n + 3], py = new double[n + 3];
        for (int i = 0; i < n; i++) {
            px[i] = xy[2 * i];
            py[i] = xy[2 * i + 1];
        }
        px[n] = cx - d;
        py[n] = cy - d;
        px[n + 1] = cx + d;
        py[n + 1] = cy - d;
        px[n + 2] = cx;
        py[n + 2] = cy + d;
        List<int[]> tris = new ArrayList<>();
        tris.add(new int[] {n, n + 1, n + 2});
        for (int p = 0; p < n; p++) {
            Map<Long, Integer> edges = new HashMap<>();
            List<int[]> keep = new ArrayList<>();
            for (int[] t : tris) {
                if (inCircumcircle(px, py, t, px[p], py[p])) {
                    for (int e = 0; e < 3; e++) edges.merge(key(t[e], t[(e + 1) % 3]), 1, Integer::sum);
                } else {
                    keep.add(t);
                }
            }
            // the boundary of the hole: edges of exactly one removed triangle
            for (Map.Entry<Long, Integer> e : edges.entrySet()) {
                if (e.getValue() != 1) continue;
                int a = (int) (e.getKey() >> 32), b = (int) (long) e.getKey();
                keep.add(new int[] {a, b, p});
            }
            tris = keep;
        }
        List<int[]> out = new ArrayList<>();
        for (int[] t : tris) if (t[0] < n && t[1] < n && t[2] < n) out.add(t);
        int[] flat = new int[3 * out.size()];
        for (int i = 0; i < out.size(); i++) System.arraycopy(out.get(i), 0, flat, 3 * i, 3);
        return flat;
    }

    private static long key(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    private static boolean inCircumcircle(double[] px, double[] py, int[] t, double x, double y) {
        double ax = px[t[0]] - x, ay = py[t[0]] - y, bx = px[t[1]] - x, by = py[t[1]] - y, cx = px[t[2]] - x, cy = py[t[2]] - y;
        double det = (ax * ax + ay * ay) * (bx * cy - cx * by) - (bx * bx + by * by) * (ax * cy - cx * ay) + (cx * cx + cy * cy) * (ax * by - bx * ay);
        // the sign depends on the triangle's orientation
        double orient = (px[t[1]] - px[t[0]]) * (py[t[2]] - py[t[0]]) - (py[t[1]] - py[t[0]]) * (px[t[2]] - px[t[0]]);
        return orient > 0 ? det > 0 : det < 0;
    }
}
