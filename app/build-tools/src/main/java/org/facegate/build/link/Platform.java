package org.facegate.build.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.codehaus.mojo.animal_sniffer.Clazz;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The Android API-26 platform as an app's dex links against it.
 *
 * <p>What exists comes from animal-sniffer's {@code android-api-level-26} signature: the public API-26 classes with
 * their declared members and supertypes, java.* and javax.* included. The signature records no access flags, so
 * whether a type is an interface and whether a member is static come from class files: the API-26 framework jar
 * (Robolectric's android-all 8.0.0) for android.*, dalvik.*, org.json etc., and the running JDK for java.* and
 * javax.* (a platform type does not change between interface and class, nor a member between static and instance,
 * across versions).
 */
final class Platform implements AutoCloseable {
    private final Map<String, Clazz> signature;
    private final ZipFile frameworkJar;
    private final FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    private final Map<String, ClassInfo> cache = new HashMap<>();
    private final Map<String, ClassFile> classFiles = new HashMap<>();

    /** A platform class file's flags, supertypes and declared members; for members the signature lists. */
    record ClassFile(int access, String superName, Map<String, Integer> methods, Map<String, Integer> fields) {}

    Platform(Path signatureFile, Path frameworkJar) throws IOException {
        this.signature = readSignature(signatureFile);
        this.frameworkJar = new ZipFile(frameworkJar.toFile());
    }

    static Map<String, Clazz> readSignature(Path file) throws IOException {
        Map<String, Clazz> classes = new HashMap<>();
        try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
            for (Object o; (o = in.readObject()) != null; ) {
                Clazz c = (Clazz) o;
                classes.put(c.getName(), c);
            }
        } catch (ClassNotFoundException e) {
            throw new IOException("not an animal-sniffer signature: " + file, e);
        }
        if (classes.isEmpty()) throw new IOException("empty signature " + file);
        return classes;
    }

    /** Is there a class of this name on an API-26 device's boot class path, public API or not? */
    boolean onBootClassPath(String type) {
        String internal = internal(type);
        return signature.containsKey(internal) || frameworkJar.getEntry(internal + ".class") != null;
    }

    /** The platform class of this descriptor, or null when API 26 has no such public class. */
    ClassInfo get(String type) throws IOException {
        ClassInfo known = cache.get(type);
        if (known != null || cache.containsKey(type)) return known;
        Clazz c = signature.get(internal(type));
        ClassInfo info = null;
        if (c != null) {
            ClassFile f = classFile(c.getName());
            if (f == null) {
                throw new IOException("no class file for the platform class " + c.getName()
                        + " in the API-26 framework jar or the JDK: cannot tell whether it is an interface");
            }
            Map<String, Integer> methods = new HashMap<>(), fields = new HashMap<>();
            for (String s : c.getSignatures()) {
                int hash = s.indexOf('#');
                if (hash >= 0) {
                    String key = s.substring(0, hash) + ":" + s.substring(hash + 1);
                    fields.put(key, memberAccess(c.getName(), key, false));
                } else {
                    methods.put(s, memberAccess(c.getName(), s, true));
                }
            }
            List<String> interfaces = new ArrayList<>();
            for (String i : c.getSuperInterfaces() == null ? new String[0] : c.getSuperInterfaces()) interfaces.add("L" + i + ";");
            info = new ClassInfo(type, ClassInfo.Origin.PLATFORM, f.access(),
                    c.getSuperClass() == null ? null : "L" + c.getSuperClass() + ";", List.copyOf(interfaces),
                    Map.copyOf(methods), Map.copyOf(fields));
        }
        cache.put(type, info);
        return info;
    }

    /**
     * A member's access flags from the class files: declared in the class, or (a public class's stub may list what a
     * hidden superclass declares) in one of its class-file superclasses.
     */
    private int memberAccess(String internalName, String key, boolean method) throws IOException {
        for (String n = internalName; n != null; ) {
            ClassFile f = classFile(n);
            if (f == null) break;
            Integer a = (method ? f.methods() : f.fields()).get(key);
            if (a != null) return a;
            n = f.superName();
        }
        return ClassInfo.UNKNOWN;
    }

    /** The class file of a platform class: the API-26 framework jar first, then the JDK; null if neither has it. */
    ClassFile classFile(String internalName) throws IOException {
        if (classFiles.containsKey(internalName)) return classFiles.get(internalName);
        byte[] bytes = null;
        ZipEntry e = frameworkJar.getEntry(internalName + ".class");
        if (e != null) {
            try (InputStream in = frameworkJar.getInputStream(e)) {
                bytes = in.readAllBytes();
            }
        } else {
            bytes = jdkClass(internalName);
        }
        ClassFile f = bytes == null ? null : parse(bytes);
        classFiles.put(internalName, f);
        return f;
    }

    private byte[] jdkClass(String internalName) throws IOException {
        int slash = internalName.lastIndexOf('/');
        if (slash < 0) return null;
        Path pkg = jrt.getPath("/packages", internalName.substring(0, slash).replace('/', '.'));
        if (!Files.isDirectory(pkg)) return null;
        try (Stream<Path> modules = Files.list(pkg)) {
            for (Path module : modules.toList()) {
                Path p = jrt.getPath("/modules", module.getFileName().toString(), internalName + ".class");
                if (Files.exists(p)) return Files.readAllBytes(p);
            }
        }
        return null;
    }

    static ClassFile parse(byte[] bytes) {
        Map<String, Integer> methods = new HashMap<>(), fields = new HashMap<>();
        int[] access = new int[1];
        String[] superName = new String[1];
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override public void visit(int version, int acc, String name, String sig, String sup, String[] ifs) {
                access[0] = acc;
                superName[0] = sup;
            }

            @Override public MethodVisitor visitMethod(int acc, String name, String desc, String sig, String[] ex) {
                methods.put(name + desc, acc);
                return null;
            }

            @Override public FieldVisitor visitField(int acc, String name, String desc, String sig, Object value) {
                fields.put(name + ":" + desc, acc);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassFile(access[0], superName[0], methods, fields);
    }

    static String internal(String descriptor) {
        return descriptor.substring(1, descriptor.length() - 1);
    }

    @Override public void close() throws IOException {
        frameworkJar.close();
    }
}
