package org.facegate.build.link;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.facegate.build.link.Finding.Kind;
import org.jf.dexlib2.Opcode;
import org.jf.dexlib2.ReferenceType;
import org.jf.dexlib2.iface.ClassDef;
import org.jf.dexlib2.iface.DexFile;
import org.jf.dexlib2.iface.ExceptionHandler;
import org.jf.dexlib2.iface.Field;
import org.jf.dexlib2.iface.Method;
import org.jf.dexlib2.iface.MethodImplementation;
import org.jf.dexlib2.iface.TryBlock;
import org.jf.dexlib2.iface.instruction.Instruction;
import org.jf.dexlib2.iface.instruction.ReferenceInstruction;
import org.jf.dexlib2.iface.reference.FieldReference;
import org.jf.dexlib2.iface.reference.MethodReference;
import org.jf.dexlib2.iface.reference.TypeReference;

/**
 * Links a set of dex files the way ART does on an API-26 device, without running them: every class, method and
 * field reference of every instruction must resolve against the dex's own classes plus the API-26 platform, and fit
 * what it resolves to (ART's {@code ClassLinker::ResolveMethod} / {@code ResolveField} checks):
 * <ul>
 *   <li>invoke-interface needs an interface, invoke-virtual a class (ICCE "Found interface ..., but class was
 *       expected"); invoke-static a static method, invoke-direct a private method or constructor, invoke-virtual and
 *       invoke-interface neither;</li>
 *   <li>sget/sput a static field, iget/iput an instance field;</li>
 *   <li>new-instance a concrete class;</li>
 *   <li>each dex class's superclass is a non-final class and its interfaces are interfaces.</li>
 * </ul>
 * A dex class that the platform also defines is reported too: the boot class path wins, so the APK's copy never
 * runs. Resolution follows the JVM's order (the class, its superclasses, then its superinterfaces; fields: class,
 * superinterfaces, superclass).
 */
final class Linker {
    private final Platform platform;
    private final Map<String, ClassInfo> dex = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private int sites;
    /** platform members the signature lists but no class file declares: their static-ness could not be checked */
    private final Set<String> unverified = new TreeSet<>();

    Linker(Platform platform) {
        this.platform = platform;
    }

    /** Links every class of the dex files; returns the findings, one per instruction (or class) that would fail. */
    List<Finding> link(List<? extends DexFile> dexFiles) throws IOException {
        List<ClassDef> defs = new ArrayList<>();
        for (DexFile f : dexFiles) {
            for (ClassDef c : f.getClasses()) {
                defs.add(c);
                dex.putIfAbsent(c.getType(), info(c));
            }
        }
        for (ClassDef c : defs) {
            checkClass(c);
            for (Method m : c.getMethods()) {
                MethodImplementation impl = m.getImplementation();
                if (impl == null) continue;
                String caller = c.getType() + "->" + key(m.getName(), m.getParameterTypes(), m.getReturnType());
                for (Instruction i : impl.getInstructions()) instruction(i, caller);
                for (TryBlock<? extends ExceptionHandler> t : impl.getTryBlocks()) {
                    for (ExceptionHandler h : t.getExceptionHandlers()) {
                        if (h.getExceptionType() != null) type(h.getExceptionType(), caller, "catch");
                    }
                }
            }
        }
        return findings;
    }

    /** How many classes of the dex were linked. */
    int classes() {
        return dex.size();
    }

    /** Platform members referenced whose access flags no class file gave (static or not unchecked). */
    Set<String> unverified() {
        return unverified;
    }

    /** How many instructions (and catch clauses) reference a class, method or field. */
    int sites() {
        return sites;
    }

    private static ClassInfo info(ClassDef c) {
        Map<String, Integer> methods = new HashMap<>(), fields = new HashMap<>();
        for (Method m : c.getMethods()) methods.put(key(m.getName(), m.getParameterTypes(), m.getReturnType()), m.getAccessFlags());
        for (Field f : c.getFields()) fields.put(f.getName() + ":" + f.getType(), f.getAccessFlags());
        return new ClassInfo(c.getType(), ClassInfo.Origin.DEX, c.getAccessFlags(), c.getSuperclass(),
                List.copyOf(c.getInterfaces()), methods, fields);
    }

    static String key(String name, List<? extends CharSequence> params, String ret) {
        StringBuilder b = new StringBuilder(name).append('(');
        for (CharSequence p : params) b.append(p);
        return b.append(')').append(ret).toString();
    }

    /** The class of a descriptor: the platform's if it has one (boot class path first), else the dex's, else null. */
    private ClassInfo find(String type) throws IOException {
        ClassInfo p = platform.get(type);
        return p != null ? p : dex.get(type);
    }

    private void report(Kind kind, String reference, String caller, String detail) {
        findings.add(new Finding(kind, reference, caller, detail));
    }

    private void checkClass(ClassDef c) throws IOException {
        String self = c.getType();
        if (platform.onBootClassPath(self)) {
            report(Kind.SHADOWED, self, self, "an API-26 device has its own " + ClassInfo.javaName(self));
        }
        if (c.getSuperclass() != null) {
            ClassInfo s = find(c.getSuperclass());
            if (s == null) {
                report(Kind.MISSING_SUPERTYPE, c.getSuperclass(), self, "superclass");
            } else if (s.isInterface()) {
                report(Kind.HIERARCHY, c.getSuperclass(), self, "superclass " + ClassInfo.javaName(s.type()) + " is an interface");
            } else if (s.isFinal()) {
                report(Kind.HIERARCHY, c.getSuperclass(), self, "superclass " + ClassInfo.javaName(s.type()) + " is final");
            }
        }
        for (String i : c.getInterfaces()) {
            ClassInfo s = find(i);
            if (s == null) {
                report(Kind.MISSING_SUPERTYPE, i, self, "interface");
            } else if (!s.isInterface()) {
                report(Kind.HIERARCHY, i, self, "implements " + ClassInfo.javaName(i) + ", which is a class");
            }
        }
    }

    private void instruction(Instruction i, String caller) throws IOException {
        if (!(i instanceof ReferenceInstruction r)) return;
        Opcode op = i.getOpcode();
        switch (op.referenceType) {
            case ReferenceType.TYPE -> {
                sites++;
                ClassInfo c = type(((TypeReference) r.getReference()).getType(), caller, op.name);
                if (c != null && (op == Opcode.NEW_INSTANCE) && (c.isInterface() || c.isAbstract())) {
                    report(Kind.INSTANTIATION, c.type(), caller, ClassInfo.javaName(c.type())
                            + (c.isInterface() ? " is an interface" : " is abstract"));
                }
            }
            case ReferenceType.FIELD -> {
                sites++;
                field((FieldReference) r.getReference(), op, caller);
            }
            case ReferenceType.METHOD -> {
                sites++;
                method((MethodReference) r.getReference(), op, caller);
            }
            default -> { }   // strings; call sites and method handles (d8 desugars them below API 26)
        }
    }

    /** Resolves a type (array element types included); reports it when missing. */
    private ClassInfo type(String type, String caller, String what) throws IOException {
        String t = type;
        while (t.startsWith("[")) t = t.substring(1);
        if (!t.startsWith("L")) return null;                                     // primitive
        ClassInfo c = find(t);
        if (c == null) report(Kind.MISSING_CLASS, t, caller, what);
        return c;
    }

    private void method(MethodReference m, Opcode op, String caller) throws IOException {
        String owner = m.getDefiningClass();
        String key = key(m.getName(), m.getParameterTypes(), m.getReturnType());
        String ref = owner + "->" + key;
        if (owner.startsWith("[")) return;                                       // clone() of an array
        ClassInfo c = type(owner, caller, op.name);
        if (c == null) return;
        String name = ClassInfo.javaName(owner);
        boolean invokeInterface = op == Opcode.INVOKE_INTERFACE || op == Opcode.INVOKE_INTERFACE_RANGE;
        boolean invokeVirtual = op == Opcode.INVOKE_VIRTUAL || op == Opcode.INVOKE_VIRTUAL_RANGE;
        if (invokeInterface && !c.isInterface()) {
            report(Kind.INVOKE_KIND, ref, caller, op.name + ", but " + name + " is a class");
        } else if (invokeVirtual && c.isInterface()) {
            report(Kind.INVOKE_KIND, ref, caller, op.name + ", but " + name + " is an interface");
        }
        if (op == Opcode.INVOKE_POLYMORPHIC || op == Opcode.INVOKE_POLYMORPHIC_RANGE) return;  // MethodHandle.invoke*
        Resolved r = known(resolveMethod(c, key), Kind.MISSING_METHOD, ref, caller, op, key);
        if (r == null) return;
        boolean isStatic = (r.access() & ClassInfo.ACC_STATIC) != 0;
        boolean direct = isStatic || (r.access() & ClassInfo.ACC_PRIVATE) != 0 || m.getName().equals("<init>");
        String target = r.declarer().equals(owner) ? "" : " (declared in " + ClassInfo.javaName(r.declarer()) + ")";
        switch (op) {
            case INVOKE_STATIC, INVOKE_STATIC_RANGE -> {
                if (!isStatic) report(Kind.INVOKE_KIND, ref, caller, op.name + " of an instance method" + target);
            }
            case INVOKE_DIRECT, INVOKE_DIRECT_RANGE -> {
                if (!direct || isStatic) report(Kind.INVOKE_KIND, ref, caller, op.name + " of a " + (isStatic ? "static" : "non-private") + " method" + target);
            }
            case INVOKE_VIRTUAL, INVOKE_VIRTUAL_RANGE, INVOKE_INTERFACE, INVOKE_INTERFACE_RANGE -> {
                if (direct) report(Kind.INVOKE_KIND, ref, caller, op.name + " of a " + (isStatic ? "static" : m.getName().equals("<init>") ? "constructor" : "private") + " method" + target);
            }
            default -> { }                                                       // invoke-super: ART checks nothing more
        }
    }

    private void field(FieldReference f, Opcode op, String caller) throws IOException {
        String owner = f.getDefiningClass();
        String key = f.getName() + ":" + f.getType();
        String ref = owner + "->" + key;
        ClassInfo c = type(owner, caller, op.name);
        if (c == null) return;
        Resolved r = known(resolveField(c, key), Kind.MISSING_FIELD, ref, caller, op, key);
        if (r == null) return;
        boolean isStatic = (r.access() & ClassInfo.ACC_STATIC) != 0;
        if (isStatic != op.isStaticFieldAccessor()) {
            report(Kind.FIELD_KIND, ref, caller, op.name + " of " + (isStatic ? "a static" : "an instance") + " field");
        }
    }

    /** The member resolved, if its flags are known; null once reported missing (or noted as of unknown flags). */
    private Resolved known(Resolved r, Kind missing, String ref, String caller, Opcode op, String key) {
        if (r == null) {
            report(missing, ref, caller, op.name);
        } else if (r.access() == ClassInfo.UNKNOWN) {
            unverified.add(r.declarer() + "->" + key);
            return null;
        }
        return r;
    }

    /** A member found by resolution: the class that declares it and its access flags. */
    record Resolved(String declarer, int access) {}

    /**
     * JVM method resolution: in a class, its superclasses, then its (and their) superinterfaces; in an interface, it
     * and its superinterfaces, then java.lang.Object. Null when not found (also when a supertype is missing: that is
     * reported where the class is defined).
     */
    private Resolved resolveMethod(ClassInfo c, String key) throws IOException {
        List<ClassInfo> interfaces = new ArrayList<>();
        if (c.isInterface()) {
            interfaces.add(c);
        } else {
            for (ClassInfo k = c; k != null; k = k.superclass() == null ? null : find(k.superclass())) {
                Integer a = k.methods().get(key);
                if (a != null) return new Resolved(k.type(), a);
                interfaces.add(k);
            }
        }
        for (ClassInfo i : superinterfaces(interfaces)) {
            Integer a = i.methods().get(key);
            if (a != null && (a == ClassInfo.UNKNOWN || (a & ClassInfo.ACC_STATIC) == 0 || i == c)) return new Resolved(i.type(), a);
        }
        if (c.isInterface()) {
            ClassInfo object = find("Ljava/lang/Object;");
            Integer a = object == null ? null : object.methods().get(key);
            if (a != null) return new Resolved(object.type(), a);
        }
        return null;
    }

    /** JVM field resolution: the class, its superinterfaces (recursively), then its superclass (recursively). */
    private Resolved resolveField(ClassInfo c, String key) throws IOException {
        for (ClassInfo k = c; k != null; k = k.superclass() == null ? null : find(k.superclass())) {
            Integer a = k.fields().get(key);
            if (a != null) return new Resolved(k.type(), a);
            for (ClassInfo i : superinterfaces(List.of(k))) {
                Integer b = i.fields().get(key);
                if (b != null && i != k) return new Resolved(i.type(), b);
            }
        }
        return null;
    }

    /** The given classes' interfaces, breadth first, each once (the given interfaces first, themselves included). */
    private List<ClassInfo> superinterfaces(List<ClassInfo> from) throws IOException {
        List<ClassInfo> out = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        Deque<ClassInfo> queue = new ArrayDeque<>();
        for (ClassInfo c : from) {
            if (c.isInterface() && visited.add(c.type())) out.add(c);
            queue.add(c);
        }
        while (!queue.isEmpty()) {
            for (String i : queue.poll().interfaces()) {
                ClassInfo s = find(i);
                if (s != null && visited.add(i)) {
                    out.add(s);
                    queue.add(s);
                }
            }
        }
        return out;
    }
}
