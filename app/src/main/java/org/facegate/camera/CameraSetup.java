package org.facegate.camera;

/**
 * How a camera source was set up, for the diagnostics report.
 *
 * @param cameraId       the camera's id ("1"), or what stands for one (a replay)
 * @param analysis       the analysis stream's size, "640x480"
 * @param preview        the preview stream's size
 * @param sensorDegrees  the sensor's orientation (clockwise degrees that turn its images upright on a phone held upright)
 * @param focus          the autofocus mode asked for, or why none ("fixed focus")
 */
public record CameraSetup(String cameraId, String analysis, String preview, int sensorDegrees, String focus) {}
