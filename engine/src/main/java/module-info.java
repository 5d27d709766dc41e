/** Gatun: validate, compile, instantiate and run WebAssembly modules. */
module dev.gatun {
    requires dev.gatun.memory;
    requires dev.gatun.vector;
    exports dev.gatun;
    exports dev.gatun.model to dev.gatun.conformance;
    exports dev.gatun.text to dev.gatun.conformance, dev.gatun.cli;
}
