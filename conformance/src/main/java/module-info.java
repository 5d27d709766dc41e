/** Runner for the official WebAssembly spec test suite. */
module dev.gatun.conformance {
    requires dev.gatun;
    requires com.fasterxml.jackson.databind;
    exports dev.gatun.conformance;
    exports dev.gatun.conformance.fuzz;
}
