package org.facegate.enroll;

import org.facegate.embed.Embedding;

/**
 * One accepted enrollment sample.
 *
 * @param embedding the face's embedding
 * @param quality   {@link QualityReport#score()}, stored with the template
 */
public record Sample(Embedding embedding, float quality) {}
