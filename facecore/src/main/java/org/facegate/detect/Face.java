package org.facegate.detect;

/** One detected face: its box, detector confidence in [0, 1] and keypoints, all in source-image pixels. */
public record Face(Box box, float score, Landmarks landmarks) {}
