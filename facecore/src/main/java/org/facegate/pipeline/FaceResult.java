package org.facegate.pipeline;

import org.facegate.detect.Face;
import org.facegate.embed.Embedding;

/** A detected face and its embedding. */
public record FaceResult(Face face, Embedding embedding) {}
