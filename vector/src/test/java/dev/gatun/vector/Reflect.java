package dev.gatun.vector;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Looks up kernels by name for table-driven tests. */
final class Reflect {
    static MethodHandle handle(String name, Class<?>... extraInts) {
        Class<?>[] params = new Class<?>[3 + extraInts.length];
        params[0] = long[].class;
        params[1] = int.class;
        params[2] = int.class;
        System.arraycopy(extraInts, 0, params, 3, extraInts.length);
        try {
            return MethodHandles.publicLookup().findStatic(Kernels.owner(name), name, MethodType.methodType(void.class, params));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("missing kernel " + name, e);
        }
    }

    static void call(MethodHandle mh, Object... args) {
        try {
            mh.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    private Reflect() {}
}
