/**
 * Runtime code, ships to the phone. Images as packed ARGB ({@link org.facegate.image.RgbImage}) and the bilinear
 * affine sampler every model input is cut with.
 */
package org.facegate.image;
