package org.facegate.build.link;

/**
 * One place in the dex that would not link on an API-26 device.
 *
 * @param reference what is referenced, in smali notation ({@code Lpkg/Cls;}, {@code Lpkg/Cls;->m(I)V},
 *                  {@code Lpkg/Cls;->f:I}): the form the allowlist uses
 * @param caller    where: the method ({@code Lpkg/Cls;->m(I)V}) holding the instruction, or the class itself for its
 *                  supertypes
 * @param detail    what exactly is wrong here, e.g. "invoke-virtual, but Tensor is an interface"
 */
record Finding(Kind kind, String reference, String caller, String detail) {

    /**
     * What ART would do, and whether a reason in the allowlist may excuse it: a reference that is missing (e.g. guarded
     * by SDK_INT, or never called; a native method registered by RegisterNatives), never one of the wrong kind.
     */
    enum Kind {
        MISSING_CLASS(true, "NoClassDefFoundError: the class is neither in the APK nor in the API-26 platform"),
        MISSING_SUPERTYPE(true, "NoClassDefFoundError when the class loads: a supertype is neither in the APK nor in the API-26 platform"),
        MISSING_METHOD(true, "NoSuchMethodError: no such method in the class, its supertypes or the API-26 platform"),
        MISSING_FIELD(true, "NoSuchFieldError: no such field in the class, its supertypes or the API-26 platform"),
        INVOKE_KIND(false, "IncompatibleClassChangeError: the invoke instruction does not fit its target"),
        FIELD_KIND(false, "IncompatibleClassChangeError: static access to an instance field or the reverse"),
        INSTANTIATION(false, "InstantiationError: new-instance of an interface or abstract class"),
        HIERARCHY(false, "IncompatibleClassChangeError/VerifyError when the class loads: it extends an interface or a final class, or implements a class"),
        SHADOWED(false, "the platform's class of the same name is loaded instead of the APK's (boot class path first)"),
        NATIVE_UNBOUND(true, "UnsatisfiedLinkError when called: no library of the ABI exports the JNI symbol of this native method");

        final boolean allowlistable;
        final String meaning;

        Kind(boolean allowlistable, String meaning) {
            this.allowlistable = allowlistable;
            this.meaning = meaning;
        }
    }

    @Override public String toString() {
        return kind + " " + reference + " <- " + caller + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
