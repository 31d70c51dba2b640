/**
 * Desktop only, never ships to the phone. The inference port's adapter over DJL's TFLite 2.6.2 for linux-x86_64
 * (CPU, XNNPACK), compiled against exactly that jar: the CLI, model-conversion and every JVM test run facecore on it.
 */
package org.facegate.inference.desktop;
