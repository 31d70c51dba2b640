package org.facegate.tflite;

import java.nio.ByteBuffer;
import org.tensorflow.lite.Interpreter;

/**
 * Creates interpreters for verified model buffers. The seam between the desktop (CPU, XNNPACK) and the phone
 * (GPU delegate when the device supports it, else CPU). An interpreter, and any delegate it holds, must be used
 * and closed on the thread that created it.
 */
public interface InterpreterFactory {
    /** Builds an interpreter for a model buffer (direct, or memory-mapped, and already checksum-verified). */
    Interpreter create(ByteBuffer model);

    /** A short name of the execution backend, for benchmarks and logs (e.g. "cpu-xnnpack/1"). */
    String backend();
}
