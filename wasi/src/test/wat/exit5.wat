;; A command whose _start calls proc_exit(5) from two calls deep.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (func $inner (call $proc_exit (i32.const 5)) unreachable)
  (func (export "_start") (call $inner) unreachable))
