package dev.gatun.bench.programs;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a WASI command module under Chicory 1.7.5's bytecode compiler with Chicory's own WASI preview 1,
 * as {@code gatun run FILE ARGS...} does under Gatun: {@code java -cp benchmarks.jar
 * dev.gatun.bench.programs.ChicoryRun FILE.wasm ARGS...}. The program's exit status becomes the process's;
 * stdout and stderr are buffered and flushed at exit.
 */
public final class ChicoryRun {
    public static void main(String[] argv) throws Exception {
        if (argv.length < 1) {
            System.err.println("usage: ChicoryRun FILE.wasm ARGS...");
            System.exit(2);
        }
        Path file = Path.of(argv[0]);
        List<String> args = new ArrayList<>();
        args.add(file.getFileName().toString());
        args.addAll(Arrays.asList(argv).subList(1, argv.length));
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        OutputStream err = new BufferedOutputStream(new FileOutputStream(FileDescriptor.err), 1 << 16);
        int status = 0;
        var module = Parser.parse(file);
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(WasiOptions.builder()
                .withStdout(out).withStderr(err).withStdin(System.in).withArguments(args).build()).build()) {
            Instance instance = Instance.builder(module)
                    .withMachineFactory(MachineFactoryCompiler.compile(module))
                    .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
                    .withStart(false)
                    .build();
            instance.export("_start").apply();
        } catch (WasiExitException e) {
            status = e.exitCode();
        } finally {
            out.flush();
            err.flush();
        }
        System.exit(status);
    }
}
