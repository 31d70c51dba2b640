package org.facegate.liveness;

/**
 * A 3x3 plane-to-plane projective map {@code (x, y) -> ((a x + b y + c) / (g x + h y + 1), (d x + e y + f) / (g x + h y + 1))},
 * fitted by least squares to point correspondences. Everything a flat photo can do in front of a camera (move,
 * rotate, tilt, bend towards or away) maps its image by one such map; a real head's motion cannot, because points at
 * different depths (nose tip, cheeks, jaw line) shift by different amounts: parallax.
 *
 * @param m the nine coefficients row-major, {@code m[8] == 1}
 */
public record Homography(double[] m) {
    public Homography {
        if (m.length != 9) throw new IllegalArgumentException("need 9 coefficients");
    }

    /** The identity map. */
    public static Homography identity() {
        return new Homography(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
    }

    /** Maps {@code (x, y)}; {@code out[0..1]} receive the image. */
    public void apply(double x, double y, double[] out) {
        double w = m[6] * x + m[7] * y + m[8];
        out[0] = (m[0] * x + m[1] * y + m[2]) / w;
        out[1] = (m[3] * x + m[4] * y + m[5]) / w;
    }

    /**
     * The inverse of this map's derivative at {@code (x, y)}, a 2x2 matrix row-major into {@code out[at..at+3]}: how a
     * small step near the image of {@code (x, y)} maps back to a step near {@code (x, y)}.
     */
    public void inverseJacobian(double x, double y, float[] out, int at) {
        double w = m[6] * x + m[7] * y + m[8];
        double u = (m[0] * x + m[1] * y + m[2]) / w, v = (m[3] * x + m[4] * y + m[5]) / w;
        double j00 = (m[0] - m[6] * u) / w, j01 = (m[1] - m[7] * u) / w, j10 = (m[3] - m[6] * v) / w, j11 = (m[4] - m[7] * v) / w;
        double det = j00 * j11 - j01 * j10;
        out[at] = (float) (j11 / det);
        out[at + 1] = (float) (-j01 / det);
        out[at + 2] = (float) (-j10 / det);
        out[at + 3] = (float) (j00 / det);
    }

    /** The inverse map (adjugate, rescaled so that {@code m[8] == 1}). */
    public Homography inverse() {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double[] r = {e * i - f * h, c * h - b * i, b * f - c * e, f * g - d * i, a * i - c * g, c * d - a * f, d * h - e * g,
                b * g - a * h, a * e - b * d};
        double s = r[8];
        if (Math.abs(s) < 1e-12) throw new IllegalStateException("singular homography");
        for (int k = 0; k < 9; k++) r[k] /= s;
        return new Homography(r);
    }

    /** The composition {@code this(other(p))}. */
    public Homography after(Homography other) {
        double[] a = m, b = other.m, r = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                r[3 * row + col] = a[3 * row] * b[col] + a[3 * row + 1] * b[3 + col] + a[3 * row + 2] * b[6 + col];
            }
        }
        double s = r[8];
        for (int k = 0; k < 9; k++) r[k] /= s;
        return new Homography(r);
    }

    /**
     * The least-squares homography (algebraic error, Hartley-normalized DLT with {@code h33 = 1}) taking {@code src}
     * to {@code dst}, point pairs {@code (x, y)} interleaved. Needs at least 4 pairs in general position.
     *
     * @throws IllegalArgumentException for mismatched or too few points
     */
    public static Homography fit(float[] src, float[] dst) {
        int n = src.length / 2;
        if (src.length != dst.length || n < 4) throw new IllegalArgumentException("need >= 4 point pairs, got " + n);
        double[] ns = normalizer(src), nd = normalizer(dst);
        double[][] ata = new double[8][8];
        double[] atb = new double[8];
        double[] row = new double[8];
        for (int i = 0; i < n; i++) {
            double x = (src[2 * i] - ns[0]) * ns[2], y = (src[2 * i + 1] - ns[1]) * ns[2];
            double u = (dst[2 * i] - nd[0]) * nd[2], v = (dst[2 * i + 1] - nd[1]) * nd[2];
            // u (g x + h y + 1) = a x + b y + c  ->  a x + b y + c - u x g - u y h = u
            row[0] = x; row[1] = y; row[2] = 1; row[3] = 0; row[4] = 0; row[5] = 0; row[6] = -u * x; row[7] = -u * y;
            accumulate(ata, atb, row, u);
            row[0] = 0; row[1] = 0; row[2] = 0; row[3] = x; row[4] = y; row[5] = 1; row[6] = -v * x; row[7] = -v * y;
            accumulate(ata, atb, row, v);
        }
        double[] h = solve(ata, atb);
        Homography normalized = new Homography(new double[] {h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1});
        // undo the normalizations: H = Nd^-1 * Hn * Ns
        Homography tsrc = new Homography(new double[] {ns[2], 0, -ns[0] * ns[2], 0, ns[2], -ns[1] * ns[2], 0, 0, 1});
        Homography tdst = new Homography(new double[] {1 / nd[2], 0, nd[0], 0, 1 / nd[2], nd[1], 0, 0, 1});
        return tdst.after(normalized.after(tsrc));
    }

    /**
     * {@link #fit} over the tracked points that were kept: the pairs {@code i < count} of {@code reference} and
     * {@code current} (x, y interleaved) whose {@code lost[i]} is false.
     *
     * @return null when fewer than {@code minPoints} were kept
     */
    static Homography fitKept(float[] reference, float[] current, boolean[] lost, int count, int minPoints) {
        int n = 0;
        for (int i = 0; i < count; i++) if (!lost[i]) n++;
        if (n < minPoints) return null;
        float[] src = new float[2 * n], dst = new float[2 * n];
        for (int i = 0, k = 0; i < count; i++) {
            if (lost[i]) continue;
            src[2 * k] = reference[2 * i];
            src[2 * k + 1] = reference[2 * i + 1];
            dst[2 * k] = current[2 * i];
            dst[2 * k + 1] = current[2 * i + 1];
            k++;
        }
        return fit(src, dst);
    }

    /**
     * The least-squares affine map taking {@code src} to {@code dst} (an orthographic view of a plane: enough for a
     * small patch of the face). Needs at least 3 non-collinear pairs.
     */
    public static Homography fitAffine(float[] src, float[] dst) {
        int n = src.length / 2;
        if (src.length != dst.length || n < 3) throw new IllegalArgumentException("need >= 3 point pairs, got " + n);
        double[] ns = normalizer(src);
        double[][] ata = new double[3][3];
        double[] bx = new double[3], by = new double[3];
        for (int i = 0; i < n; i++) {
            double[] r = {(src[2 * i] - ns[0]) * ns[2], (src[2 * i + 1] - ns[1]) * ns[2], 1};
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) ata[a][b] += r[a] * r[b];
                bx[a] += r[a] * dst[2 * i];
                by[a] += r[a] * dst[2 * i + 1];
            }
        }
        double[][] copy = new double[3][];
        for (int a = 0; a < 3; a++) copy[a] = ata[a].clone();
        double[] px = solve(ata, bx), py = solve(copy, by);
        Homography normalized = new Homography(new double[] {px[0], px[1], px[2], py[0], py[1], py[2], 0, 0, 1});
        Homography tsrc = new Homography(new double[] {ns[2], 0, -ns[0] * ns[2], 0, ns[2], -ns[1] * ns[2], 0, 0, 1});
        return normalized.after(tsrc);
    }

    /** Centroid and the scale that makes the mean distance from it sqrt(2). */
    private static double[] normalizer(float[] p) {
        int n = p.length / 2;
        double cx = 0, cy = 0;
        for (int i = 0; i < n; i++) {
            cx += p[2 * i];
            cy += p[2 * i + 1];
        }
        cx /= n;
        cy /= n;
        double d = 0;
        for (int i = 0; i < n; i++) d += Math.hypot(p[2 * i] - cx, p[2 * i + 1] - cy);
        d /= n;
        return new double[] {cx, cy, d < 1e-9 ? 1 : Math.sqrt(2) / d};
    }

    private static void accumulate(double[][] ata, double[] atb, double[] row, double rhs) {
        for (int a = 0; a < row.length; a++) {
            if (row[a] == 0) continue;
            for (int b = 0; b < row.length; b++) ata[a][b] += row[a] * row[b];
            atb[a] += row[a] * rhs;
        }
    }

    /** Gaussian elimination with partial pivoting; a tiny ridge keeps degenerate inputs finite. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int i = 0; i < n; i++) a[i][i] += 1e-10;
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) piv = r;
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            double tb = b[col];
            b[col] = b[piv];
            b[piv] = tb;
            double p = a[col][col];
            if (Math.abs(p) < 1e-14) p = 1e-14;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / p;
                if (f == 0) continue;
                for (int c = col; c < n; c++) a[r][c] -= f * a[col][c];
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < n; c++) s -= a[r][c] * x[c];
            double p = Math.abs(a[r][r]) < 1e-14 ? 1e-14 : a[r][r];
            x[r] = s / p;
        }
        return x;
    }
}
