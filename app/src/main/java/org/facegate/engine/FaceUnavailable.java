package org.facegate.engine;

/**
 * Face recognition cannot run in this process: a model could not be opened or run here (a native library that does
 * not load or link, no memory, a delegate failure, a model the runtime refuses). Given to every job once it happened;
 * the screens say so in one line and offer the PIN. The process keeps running: nothing here is retried until it
 * restarts, since the cause (the device, the installed libraries) does not go away by itself.
 */
public final class FaceUnavailable extends Exception {
    public FaceUnavailable(String reason, Throwable cause) {
        super(reason, cause);
    }
}
