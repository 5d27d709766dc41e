/** The gatun command line. */
module dev.gatun.cli {
    requires dev.gatun;
    requires dev.gatun.wasi;
    requires dev.gatun.conformance;
    requires org.apache.commons.cli;
    requires com.fasterxml.jackson.databind; // inspect --json
}
