/** The gatun command line. */
module dev.gatun.cli {
    requires dev.gatun;
    requires dev.gatun.wasi;
    requires dev.gatun.conformance;
    requires info.picocli;
    requires com.fasterxml.jackson.databind; // inspect --json
    opens dev.gatun.cli to info.picocli;
}
