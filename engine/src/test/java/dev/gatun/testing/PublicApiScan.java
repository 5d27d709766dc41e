package dev.gatun.testing;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds internal types in public signatures: every public or protected member (fields, methods,
 * constructors, record components, thrown types, supertypes, permitted subtypes, generic arguments) of the
 * public classes of an API package may name only {@code java.*}/{@code javax.*} types and the API packages.
 */
public final class PublicApiScan {
    private PublicApiScan() {}

    /** The public classes (nested ones too) of {@code pkg}, found beside {@code anchor}'s class file. */
    public static List<Class<?>> publicClasses(Class<?> anchor, String pkg) throws IOException, URISyntaxException {
        Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve(pkg.replace('.', '/'));
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (!n.endsWith(".class") || n.equals("package-info.class") || n.equals("module-info.class")) continue;
                Class<?> c;
                try {
                    c = Class.forName(pkg + "." + n.substring(0, n.length() - 6), false, anchor.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
                if (isVisible(c)) out.add(c);
            }
        }
        return out;
    }

    /** A class Java code outside the module can name: public, and nested only in such classes. */
    private static boolean isVisible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass() || k.isSynthetic()) return false;
        }
        return true;
    }

    /** Each offending "Class.member: type" of {@code c}; {@code api} are the packages a signature may name. */
    public static Set<String> violations(Class<?> c, Set<String> api) {
        Set<String> out = new TreeSet<>();
        String where = c.getName();
        check(c.getGenericSuperclass(), api, out, where + " extends");
        for (Type t : c.getGenericInterfaces()) check(t, api, out, where + " implements");
        if (c.isSealed()) for (Class<?> p : c.getPermittedSubclasses()) check(p, api, out, where + " permits");
        if (c.isRecord()) for (RecordComponent rc : c.getRecordComponents()) check(rc.getGenericType(), api, out, where + "." + rc.getName());
        for (Field f : c.getDeclaredFields()) {
            if (visible(f.getModifiers())) check(f.getGenericType(), api, out, where + "." + f.getName());
        }
        for (Method m : c.getDeclaredMethods()) {
            if (!visible(m.getModifiers()) || m.isSynthetic() || m.isBridge()) continue;
            check(m.getGenericReturnType(), api, out, where + "." + m.getName() + "()");
            executable(m, api, out, where + "." + m.getName() + "()");
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (visible(k.getModifiers()) && !k.isSynthetic()) executable(k, api, out, where + ".<init>");
        }
        return out;
    }

    private static boolean visible(int mod) { return Modifier.isPublic(mod) || Modifier.isProtected(mod); }

    private static void executable(Executable e, Set<String> api, Set<String> out, String where) {
        for (Type t : e.getGenericParameterTypes()) check(t, api, out, where);
        for (Type t : e.getGenericExceptionTypes()) check(t, api, out, where + " throws");
    }

    private static void check(Type t, Set<String> api, Set<String> out, String where) {
        switch (t) {
            case null -> { }
            case Class<?> c -> {
                while (c.isArray()) c = c.getComponentType();
                if (c.isPrimitive()) return;
                String pkg = c.getPackageName();
                if (!(pkg.startsWith("java.") || pkg.startsWith("javax.") || api.contains(pkg))) out.add(where + ": " + c.getName());
            }
            case ParameterizedType p -> {
                check(p.getRawType(), api, out, where);
                for (Type a : p.getActualTypeArguments()) check(a, api, out, where);
            }
            case GenericArrayType g -> check(g.getGenericComponentType(), api, out, where);
            case WildcardType w -> {
                for (Type b : w.getUpperBounds()) check(b, api, out, where);
                for (Type b : w.getLowerBounds()) check(b, api, out, where);
            }
            case TypeVariable<?> v -> {
                for (Type b : v.getBounds()) if (b != Object.class) check(b, api, out, where);
            }
            default -> out.add(where + ": unknown type " + t);
        }
    }
}
