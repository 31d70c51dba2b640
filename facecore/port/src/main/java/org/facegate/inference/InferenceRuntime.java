package org.facegate.inference;

import java.nio.ByteBuffer;

/**
 * Opens models. The seam between the platforms: on the desktop and in every JVM test, facecore-desktop's adapter over
 * DJL's TFLite 2.6.2; on the phone, the app's adapter over TFLite 2.16.1 ({@code InterpreterApi}, GPU delegate with
 * CPU fallback). A runtime that holds GPU delegates is bound to the thread that made it: open, run and close its
 * models, and then the runtime, on that thread.
 */
public interface InferenceRuntime extends AutoCloseable {
    /**
     * Opens a model.
     *
     * @param model   the whole model file (direct or memory-mapped; already checksum-verified where it is pinned)
     * @param name    the file's name, for errors and placement reports
     * @param options what the model needs (GPU allowed, precision)
     * @throws ModelException if the runtime refuses the buffer (truncated, not a model, unsupported op); names the file
     */
    InferenceModel open(ByteBuffer model, String name, ModelOptions options) throws ModelException;

    /** Runtime and version, e.g. "TFLite 2.16.1 (Android)", for diagnostics and benchmark headers. */
    String description();

    /** Releases what the runtime holds beyond its models (e.g. GPU delegates); call after closing the models. */
    @Override
    void close();
}
