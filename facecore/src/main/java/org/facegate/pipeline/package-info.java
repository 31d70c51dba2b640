/**
 * Runtime code, ships to the phone. The stages joined: detect, align and embed every face of a frame
 * ({@link org.facegate.pipeline.FacePipeline}).
 */
package org.facegate.pipeline;
