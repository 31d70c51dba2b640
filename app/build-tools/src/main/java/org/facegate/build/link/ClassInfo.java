package org.facegate.build.link;

import java.util.List;
import java.util.Map;

/**
 * One class as the linker sees it: where it comes from, its access flags (interface? abstract? final?), its supertypes
 * and its declared members with their access flags.
 *
 * @param type       descriptor, e.g. {@code Lorg/tensorflow/lite/Tensor;}
 * @param superclass descriptor, or null for java.lang.Object and interfaces without one recorded
 * @param methods    {@code name(params)return} (a JVM/dex method descriptor after the name) to access flags
 * @param fields     {@code name:type} to access flags
 */
record ClassInfo(String type, Origin origin, int access, String superclass, List<String> interfaces,
                 Map<String, Integer> methods, Map<String, Integer> fields) {

    /** Member flags we could not read (a platform member listed by the signature but absent from every class file). */
    static final int UNKNOWN = -1;

    static final int ACC_PRIVATE = 0x2, ACC_STATIC = 0x8, ACC_FINAL = 0x10, ACC_INTERFACE = 0x200, ACC_ABSTRACT = 0x400;

    enum Origin {
        /** a class of the checked dex */
        DEX,
        /** a class of the API-26 platform (the boot class path of an API-26 device, public API only) */
        PLATFORM
    }

    boolean isInterface() {
        return (access & ACC_INTERFACE) != 0;
    }

    boolean isAbstract() {
        return (access & ACC_ABSTRACT) != 0;
    }

    boolean isFinal() {
        return (access & ACC_FINAL) != 0;
    }

    static String javaName(String descriptor) {
        if (descriptor.startsWith("[")) return javaName(descriptor.substring(1)) + "[]";
        if (descriptor.startsWith("L") && descriptor.endsWith(";")) {
            return descriptor.substring(1, descriptor.length() - 1).replace('/', '.');
        }
        return descriptor;
    }
}
