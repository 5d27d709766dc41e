/** Gatun: validate, compile, instantiate and run WebAssembly modules. */
module dev.gatun {
    requires dev.gatun.memory;
    requires dev.gatun.vector;
    // Only to see whether the JVM compiles huge methods (Compiler's method budget); absent, the default budget holds.
    requires static jdk.management;
    exports dev.gatun;
    exports dev.gatun.model to dev.gatun.conformance;
    exports dev.gatun.text to dev.gatun.conformance, dev.gatun.cli;
}
