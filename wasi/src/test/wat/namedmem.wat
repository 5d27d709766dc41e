;; A command module whose memory is the embedder's: imported as env.memory and exported only as "mem"
;; (no export named "memory"), to bind WASI to a memory the embedder names. _start writes "hi\n" to stdout.
;; "peek" calls args_sizes_get without any start or initialize, to show a call made before binding.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "env" "memory" (memory 1))
  (export "mem" (memory 0))
  (data (i32.const 16) "hi\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 3))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
  (func (export "peek") (result i32)
    (call $args_sizes_get (i32.const 32) (i32.const 36))))
