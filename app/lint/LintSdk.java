import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Makes the minimal Android SDK that Android Lint needs, where no SDK is installed:
 * <pre>
 *   platforms/android-API/android.jar        Robolectric's android-all of that API (a link): android.* and its resources
 *   platforms/android-API/package.xml, build.prop, source.properties   what sdklib reads to know the platform
 *   platforms/android-API/java-api-26.jar    java.* and javax.* as Android API 26 has them (those android.jar lacks)
 * </pre>
 * android-all has no java.* classes (Robolectric runs on the JVM's own), and lint analyses an Android module against
 * its platform jar instead of a JDK: without them it resolves no call to the Java library, and checks built on such
 * calls (Cipher.getInstance, SecureRandom, SimpleDateFormat...) silently find nothing. The stubs take their classes and
 * members from animal-sniffer's {@code android-api-level-26} signature (the API the build already holds the code to),
 * and, since a signature keeps no modifiers or generic types, each member's access flags and generic signature from
 * the running JDK's class of that name; code is left out. Run with lint's classpath (ASM):
 *
 * <pre>java -cp ... LintSdk.java SDK_DIR ANDROID_ALL_JAR API SIGNATURE_FILE</pre>
 */
public class LintSdk {
    /** Prefixes of the classes taken from the signature. */
    static final String[] JAVA = {"java/", "javax/"};

    public static void main(String[] args) throws Exception {
        if (args.length != 4) throw new IllegalArgumentException("usage: LintSdk SDK_DIR ANDROID_ALL_JAR API SIGNATURE_FILE");
        Path sdk = Paths.get(args[0]), androidAll = Paths.get(args[1]).toAbsolutePath(), signature = Paths.get(args[3]);
        String api = args[2];
        Path platform = sdk.resolve("platforms/android-" + api);
        Files.createDirectories(platform);
        Path jar = platform.resolve("android.jar");
        if (!Files.isSymbolicLink(jar) || !Files.readSymbolicLink(jar).equals(androidAll)) {
            Files.deleteIfExists(jar);
            Files.createSymbolicLink(jar, androidAll);
        }
        write(platform.resolve("package.xml"), packageXml(api));
        write(platform.resolve("source.properties"), "Pkg.Desc=Android SDK Platform " + api + " (Robolectric android-all, for Lint)\n"
                + "Pkg.Revision=1\nAndroidVersion.ApiLevel=" + api + "\nLayoutlib.Api=15\nLayoutlib.Revision=1\n");
        write(platform.resolve("build.prop"), "ro.build.version.sdk=" + api + "\nro.build.version.codename=REL\n");
        Path stubs = platform.resolve("java-api-26.jar");
        if (!Files.isRegularFile(stubs) || Files.getLastModifiedTime(stubs).compareTo(Files.getLastModifiedTime(signature)) < 0) {
            int[] counts = stubs(signature, androidAll, stubs);
            System.out.println("[lint-sdk] " + stubs + ": " + counts[0] + " java.*/javax.* classes of API 26 (" + counts[1]
                    + " members not in this JDK, added as public instance members)");
        }
    }

    private static void write(Path p, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        if (!Files.isRegularFile(p) || !java.util.Arrays.equals(Files.readAllBytes(p), b)) Files.write(p, b);
    }

    private static String packageXml(String api) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<!-- written by app/lint/LintSdk.java: the platform is Robolectric's android-all " + api + " -->\n"
                + "<ns2:repository xmlns:ns2=\"http://schemas.android.com/repository/android/common/01\""
                + " xmlns:ns3=\"http://schemas.android.com/sdk/android/repo/repository2/01\">\n"
                + "  <localPackage path=\"platforms;android-" + api + "\" obsolete=\"false\">\n"
                + "    <type-details xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"ns3:platformDetailsType\">\n"
                + "      <api-level>" + api + "</api-level><codename></codename><layoutlib api=\"15\"/>\n"
                + "    </type-details>\n"
                + "    <revision><major>1</major></revision>\n"
                + "    <display-name>Android SDK Platform " + api + "</display-name>\n"
                + "  </localPackage>\n"
                + "</ns2:repository>\n";
    }

    /**
     * Reads animal-sniffer's records into {@link Clazz}: serialization compares class names without their package,
     * so a top-level class of the same simple name, fields and serialVersionUID reads them.
     */
    static final class SignatureInput extends ObjectInputStream {
        SignatureInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            return desc.getName().equals("org.codehaus.mojo.animal_sniffer.Clazz") ? Clazz.class : super.resolveClass(desc);
        }
    }

    /**
     * Writes the stub jar, leaving out the java and javax classes the platform jar has itself (javax.xml,
     * javax.microedition.khronos, a few of java.lang.invoke); returns {classes, members added without a JDK
     * counterpart}.
     */
    static int[] stubs(Path signature, Path platformJar, Path out) throws Exception {
        Set<String> platform = new HashSet<>();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(platformJar.toFile())) {
            z.stream().forEach(e -> platform.add(e.getName()));
        }
        TreeMap<String, Clazz> classes = new TreeMap<>();
        try (ObjectInputStream in = new SignatureInput(new GZIPInputStream(new FileInputStream(signature.toFile())))) {
            for (Object o; (o = in.readObject()) != null; ) {
                Clazz c = (Clazz) o;
                if (platform.contains(c.name + ".class")) continue;
                for (String p : JAVA) if (c.name.startsWith(p)) classes.put(c.name, c);
            }
        }
        int[] added = {0};
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (Clazz c : classes.values()) {
                ZipEntry e = new ZipEntry(c.name + ".class");
                e.setTime(0);
                zip.putNextEntry(e);
                zip.write(stub(c, added));
                zip.closeEntry();
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new int[] {classes.size(), added[0]};
    }

    /** The JDK's class of that name without code and without what API 26 lacks; or, if the JDK has none, one from the signature. */
    static byte[] stub(Clazz c, int[] added) throws IOException {
        Set<String> wanted = new HashSet<>(c.signatures);
        ClassWriter w = new ClassWriter(0);
        byte[] jdk = jdkClass(c.name);
        if (jdk != null) {
            new ClassReader(jdk).accept(new ClassVisitor(Opcodes.ASM9, w) {
                @Override
                public void visitNestHost(String host) {}

                @Override
                public void visitNestMember(String member) {}

                @Override
                public void visitPermittedSubclass(String sub) {}

                @Override
                public FieldVisitor visitField(int access, String name, String desc, String sig, Object value) {
                    return wanted.remove(name + "#" + desc) ? super.visitField(access, name, desc, sig, value) : null;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                    return wanted.remove(name + desc) ? super.visitMethod(access, name, desc, sig, exceptions) : null;
                }

                @Override
                public void visitEnd() {
                    addMissing(cv, wanted, added);
                    super.visitEnd();
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG);
        } else {
            w.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, c.name, null, c.superClass, c.superInterfaces);
            addMissing(w, wanted, added);
            w.visitEnd();
        }
        return w.toByteArray();
    }

    private static void addMissing(ClassVisitor v, Set<String> members, int[] added) {
        for (String m : new java.util.TreeSet<>(members)) {
            int hash = m.indexOf('#');
            if (hash >= 0) v.visitField(Opcodes.ACC_PUBLIC, m.substring(0, hash), m.substring(hash + 1), null, null);
            else v.visitMethod(Opcodes.ACC_PUBLIC, m.substring(0, m.indexOf('(')), m.substring(m.indexOf('(')), null, null);
            added[0]++;
        }
    }

    private static byte[] jdkClass(String name) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
            if (in == null) return null;
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toByteArray();
        }
    }
}

/** animal-sniffer's serialized class record (org.codehaus.mojo.animal_sniffer.Clazz, serialVersionUID 1). */
final class Clazz implements Serializable {
    private static final long serialVersionUID = 1L;
    String name;
    Set<String> signatures;
    String superClass;
    String[] superInterfaces;
}
