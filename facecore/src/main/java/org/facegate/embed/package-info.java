/**
 * Runtime code, ships to the phone. Pipeline stage <b>embed</b>: MobileFaceNet through the inference port
 * ({@link org.facegate.embed.TfliteEmbedder}, float32 maths, flip-averaged) to an L2-normalized
 * {@link org.facegate.embed.Embedding}; normalization read from the model's metadata.
 */
package org.facegate.embed;
