/** WASI preview1 for Gatun: the {@code wasi_snapshot_preview1} imports, sandboxed to preopened directories. */
module dev.gatun.wasi {
    requires transitive dev.gatun;
    // Thread CPU time for CLOCKID_THREAD_CPUTIME_ID.
    requires java.management;
    exports dev.gatun.wasi;
}
