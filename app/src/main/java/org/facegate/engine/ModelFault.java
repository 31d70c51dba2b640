package org.facegate.engine;

/**
 * A model failed while running (the runtime threw from inside an inference). Thrown by {@link GuardedRuntime}'s models
 * so that {@link FaceEngine} can tell a broken model from a job's own failure (e.g. the database).
 */
final class ModelFault extends RuntimeException {
    ModelFault(String model, Throwable cause) {
        super(model + " failed while running: " + cause, cause);
    }
}
