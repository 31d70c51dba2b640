/**
 * Runtime code, ships to the phone. Images as packed ARGB ({@link org.facegate.image.RgbImage}), the bilinear
 * affine sampler every model input is cut with, and the EXIF orientations a photo is turned upright by
 * ({@link org.facegate.image.Orientation}).
 */
package org.facegate.image;
