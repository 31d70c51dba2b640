/**
 * Runtime code, ships to the phone. Model files: loading with a pinned sha256 ({@link org.facegate.tflite.ModelLoader}),
 * where they come from ({@link org.facegate.tflite.ModelSource}: assets on the phone; {@code DirectoryModelSource} on
 * the desktop), and FaceGate's TFLite metadata read straight from the flatbuffer. Refers to no TFLite jar: running a
 * model is the inference port's job ({@code org.facegate.inference}).
 */
package org.facegate.tflite;
