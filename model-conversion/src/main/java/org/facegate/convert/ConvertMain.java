package org.facegate.convert;

/** Entry point of the model conversion tool; the conversion itself lands with its own issue. */
public final class ConvertMain {
    private ConvertMain() {}

    public static void main(String[] args) {
        System.out.println("facegate model-conversion: sources pinned in model-conversion/models.lock");
    }
}
