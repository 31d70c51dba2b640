package org.facegate.detect;

import java.util.ArrayList;
import java.util.List;
import org.facegate.image.RgbImage;

/**
 * A detector whose faces get five-point landmarks from {@link FaceMesh}: the wrapped detector finds the faces (box,
 * score), the mesh runs on each, and eye centres, nose tip and mouth corners taken from the mesh replace the
 * detector's keypoints, so {@link org.facegate.align.Aligner} uses the five-point template. A face where the mesh
 * sees no face (presence below {@link #MIN_PRESENCE}) keeps the detector's own keypoints.
 *
 * <p>The five points: each eye centre is the mean of its 16-point contour, the nose is the tip (landmark 1), the
 * mouth corners are the outer lip corners (61, 291). The mesh defines these a little differently from MTCNN, whose
 * landmarks the 112x112 template and the embedder's training crops come from: measured on the 3810 LFW dev faces
 * in template pixels, its nose tip sits 2.3 px lower, its eye centres 0.55 px lower and 0.3 px nearer each other,
 * its mouth corners 0.5 px higher and 0.55 px nearer each other (the same to within 0.15 px on each of the five
 * identity-disjoint folds). Those mean offsets are removed, in the face's own frame, so the points mean what the
 * template means. Through the full pipeline on LFW dev (central face, flip-averaged MobileFaceNet) this scores
 * 99.30% with TAR 98.73% at FAR 1e-3 (99.27%, 98.67% before BlazeFace stopped averaging a neighbour's face in, see Nms); uncorrected mesh points 99.23% (98.20%), MTCNN's own points 99.13% (98.53%),
 * BlazeFace's four points 99.00% (97.47%).
 *
 * <p>Owns both the detector and the mesh: {@link #close()} closes them. Not thread-safe.
 */
public final class MeshRefinedDetector implements FaceDetector {
    /** Mesh presence probability below which the detector's keypoints are kept. */
    public static final float MIN_PRESENCE = 0.5f;

    /** Template inter-ocular distance of the 112x112 alignment template, the unit of the offsets below. */
    private static final float TEMPLATE_EYES = 35.2372f;
    // corrections added to the mesh points, template pixels in the face's frame (x along the eye line, y down):
    // eyes outwards and up, nose up, mouth corners outwards and down (symmetric left/right)
    private static final float EYE_OUT = 0.29f, EYE_UP = 0.55f, NOSE_UP = 2.34f, MOUTH_OUT = 0.56f, MOUTH_DOWN = 0.47f;

    private static final int[] RIGHT_CONTOUR = MeshLandmarks.rightEyeContour(), LEFT_CONTOUR = MeshLandmarks.leftEyeContour();

    private final FaceDetector detector;
    private final FaceMesh mesh;
    private final boolean mtcnnOffsets;

    /** Refines {@code detector}'s faces with {@code mesh}; takes ownership of both. */
    public MeshRefinedDetector(FaceDetector detector, FaceMesh mesh) {
        this(detector, mesh, true);
    }

    /** @param mtcnnOffsets false to use the raw mesh points (only to measure what the correction is worth) */
    MeshRefinedDetector(FaceDetector detector, FaceMesh mesh, boolean mtcnnOffsets) {
        this.detector = detector;
        this.mesh = mesh;
        this.mtcnnOffsets = mtcnnOffsets;
    }

    @Override
    public List<Face> detect(RgbImage image) {
        List<Face> faces = detector.detect(image);
        List<Face> out = new ArrayList<>(faces.size());
        for (Face f : faces) out.add(refine(image, f));
        return out;
    }

    /** One face with its keypoints replaced by the mesh's five points; unchanged when the mesh sees no face. */
    public Face refine(RgbImage image, Face face) {
        MeshLandmarks m = mesh.run(image, face);
        return m.presence() < MIN_PRESENCE ? face : new Face(face.box(), face.score(), fivePoints(m));
    }

    /** The five alignment points of a mesh. */
    Landmarks fivePoints(MeshLandmarks m) {
        Point le = m.mean(RIGHT_CONTOUR), re = m.mean(LEFT_CONTOUR);
        Point nose = m.point(MeshLandmarks.NOSE_TIP);
        Point ml = m.point(MeshLandmarks.MOUTH_LEFT), mr = m.point(MeshLandmarks.MOUTH_RIGHT);
        if (!mtcnnOffsets) return Landmarks.ofFive(le, re, nose, ml, mr);
        // the face's frame: unit x along the eye line, unit y perpendicular (down in an upright face), scaled so
        // one unit is one template pixel
        float ux = (re.x() - le.x()) / TEMPLATE_EYES, uy = (re.y() - le.y()) / TEMPLATE_EYES;
        float vx = -uy, vy = ux;
        return Landmarks.ofFive(move(le, -EYE_OUT, -EYE_UP, ux, uy, vx, vy), move(re, EYE_OUT, -EYE_UP, ux, uy, vx, vy),
                move(nose, 0, -NOSE_UP, ux, uy, vx, vy), move(ml, -MOUTH_OUT, MOUTH_DOWN, ux, uy, vx, vy),
                move(mr, MOUTH_OUT, MOUTH_DOWN, ux, uy, vx, vy));
    }

    private static Point move(Point p, float dx, float dy, float ux, float uy, float vx, float vy) {
        return new Point(p.x() + dx * ux + dy * vx, p.y() + dx * uy + dy * vy);
    }

    /** The detector whose faces this one refines. */
    public FaceDetector detector() {
        return detector;
    }

    @Override
    public String name() {
        return detector.name() + "+mesh";
    }

    @Override
    public void close() {
        try {
            detector.close();
        } finally {
            mesh.close();
        }
    }
}
