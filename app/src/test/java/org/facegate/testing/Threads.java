package org.facegate.testing;

/** The JVM's threads, seen from a test. */
public final class Threads {
    private Threads() {}

    /** How many live threads have this name. */
    public static int alive(String name) {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.isAlive() && t.getName().equals(name)) n++;
        return n;
    }
}
