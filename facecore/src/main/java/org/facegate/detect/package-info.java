/**
 * Runtime code, ships to the phone. Pipeline stage <b>detect</b>: BlazeFace (boxes and six keypoints), Face Mesh (468
 * landmarks refining the five points alignment needs), a second BlazeFace pass around small faces, weighted NMS.
 * {@link org.facegate.detect.Detectors} names the default. (MTCNN, a comparison detector, is measurement code in
 * facecore-measure.)
 */
package org.facegate.detect;
