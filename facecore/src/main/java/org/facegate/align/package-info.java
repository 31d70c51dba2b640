/**
 * Runtime code, ships to the phone. Pipeline stage <b>align</b>: the least-squares similarity that maps a face's five
 * points onto the 112x112 template MobileFaceNet was trained with ({@link org.facegate.align.Aligner}), or the
 * stretched detector box of the comparable-apps baseline ({@link org.facegate.align.Alignment}).
 */
package org.facegate.align;
