package dev.gatun.bench.imaging;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The imaging modules' C built natively by gcc (bench/src/main/c/imaging/build.sh), called through FFM: the
 * baseline the wasm builds are measured against. One library per module, each with its own lookup, because
 * the codecs all export the same names.
 */
final class NativeImaging {
    /** Where bench/imaging/run builds the libraries, relative to the repository root JMH runs in. */
    static final String DEFAULT_DIR = "bench/target/native";
    private static final Linker LINKER = Linker.nativeLinker();

    private final MethodHandle alloc, dealloc, decode, encode;
    private final MethodHandle filter4, filter5;

    private NativeImaging(String module, String filter) {
        Path lib = Path.of(System.getProperty("gatun.bench.native.dir", DEFAULT_DIR), "libgatun_" + module + ".so").toAbsolutePath();
        if (!Files.isRegularFile(lib)) throw new IllegalStateException(lib + " is not built (bench/imaging/run builds it)");
        SymbolLookup l = SymbolLookup.libraryLookup(lib, Arena.global());
        alloc = handle(l, "gatun_alloc", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        dealloc = handle(l, "gatun_dealloc", FunctionDescriptor.ofVoid(ADDRESS));
        decode = module.equals("filters") ? null : handle(l, "gatun_decode", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
        encode = module.equals("filters") ? null
                : handle(l, "gatun_encode", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        filter4 = filter == null ? null : handle(l, filter, FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT));
        filter5 = filter == null ? null : handle(l, filter, FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    }

    static NativeImaging codec(String module) { return new NativeImaging(module, null); }

    static NativeImaging filters(String filter) { return new NativeImaging("filters", filter); }

    private static MethodHandle handle(SymbolLookup l, String name, FunctionDescriptor d) {
        return LINKER.downcallHandle(l.findOrThrow(name), d);
    }

    void filter(MemorySegment px, int w, int h, int stride, int arg, boolean hasArg) throws Throwable {
        if (hasArg) filter5.invokeExact(px, w, h, stride, arg);
        else filter4.invokeExact(px, w, h, stride);
    }

    /** Like the wasm codec's decode(byte[]): input copied into C memory, pixels copied out, both freed. */
    byte[] decode(byte[] in) throws Throwable {
        MemorySegment buf = ((MemorySegment) alloc.invokeExact(in.length)).reinterpret(in.length);
        MemorySegment.copy(in, 0, buf, ValueLayout.JAVA_BYTE, 0, in.length);
        MemorySegment r = (MemorySegment) decode.invokeExact(buf, in.length);
        dealloc.invokeExact(buf);
        return takeResult(r);
    }

    byte[] encode(byte[] rgba, int w, int h, int quality) throws Throwable {
        MemorySegment buf = ((MemorySegment) alloc.invokeExact(rgba.length)).reinterpret(rgba.length);
        MemorySegment.copy(rgba, 0, buf, ValueLayout.JAVA_BYTE, 0, rgba.length);
        MemorySegment r = (MemorySegment) encode.invokeExact(buf, w, h, w * 4, quality);
        dealloc.invokeExact(buf);
        return takeResult(r);
    }

    /** The gatun_result struct natively: {uint8_t *data; size_t size; uint32_t width, height;}. */
    private byte[] takeResult(MemorySegment r) throws Throwable {
        if (r.equals(MemorySegment.NULL)) throw new IllegalStateException("native codec failed");
        r = r.reinterpret(24);
        long size = r.get(ValueLayout.JAVA_LONG, 8);
        MemorySegment data = r.get(ADDRESS, 0).reinterpret(size);
        byte[] out = data.toArray(ValueLayout.JAVA_BYTE);
        dealloc.invokeExact(data);
        return out;
    }
}
