/**
 * Runtime code, ships to the phone. The inference port: {@link org.facegate.inference.InferenceRuntime} opens model
 * files into {@link org.facegate.inference.InferenceModel}s described by {@link org.facegate.inference.TensorSpec}s.
 * facecore's detectors, embedder and liveness models are written against it alone; no TFLite jar is on facecore's
 * compile path. Adapters: {@code org.facegate.inference.desktop} (facecore-desktop, DJL TFLite 2.6.2, JVM only) and
 * {@code org.facegate.engine.TfliteRuntime} (the app, TFLite 2.16.1).
 */
package org.facegate.inference;
