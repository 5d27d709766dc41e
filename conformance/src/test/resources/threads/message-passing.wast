;; The runner's thread and wait commands over one shared memory: a payload published by an atomic flag
;; and a notify, and two threads bumping one counter. Written for Gatun's runner (the threads proposal's
;; scripts in the 3.0 suite have no thread commands).

(module $Mem (memory (export "shared") 1 1 shared)
  (func (export "total") (result i32) (i32.atomic.load (i32.const 16))))

(thread $Producer (shared (module $Mem))
  (register "mem" $Mem)
  (module
    (memory (import "mem" "shared") 1 1 shared)
    (func (export "run")
      (i32.store (i32.const 8) (i32.const 42))
      ;; The atomic store orders the plain payload store before it for any thread that sees the flag.
      (i32.atomic.store (i32.const 0) (i32.const 1))
      (drop (memory.atomic.notify (i32.const 0) (i32.const 1)))))
  (invoke "run")
)

(thread $Consumer (shared (module $Mem))
  (register "mem" $Mem)
  (module
    (memory (import "mem" "shared") 1 1 shared)
    (func (export "run") (result i32)
      (block $done
        (loop $again
          (br_if $done (i32.atomic.load (i32.const 0)))
          ;; 1 ("not-equal") when the producer was first; 0 when its notify woke us.
          (drop (memory.atomic.wait32 (i32.const 0) (i32.const 0) (i64.const -1)))
          (br $again)))
      (i32.load (i32.const 8))))
  (assert_return (invoke "run") (i32.const 42))
)

(wait $Producer)
(wait $Consumer)

;; Both threads add to one word; A's 8-bit and B's 16-bit read-modify-writes hit two halves of another
;; word at the same time (each a compare-and-set loop on that word), so a lost update shows in either total.
(thread $A (shared (module $Mem))
  (register "mem" $Mem)
  (module
    (memory (import "mem" "shared") 1 1 shared)
    (func (export "bump") (result i32) (local $i i32)
      (loop $l
        (drop (i32.atomic.rmw.add (i32.const 16) (i32.const 1)))
        (drop (i32.atomic.rmw8.add_u (i32.const 20) (i32.const 1)))
        (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 20000))))
      (local.get $i)))
  (assert_return (invoke "bump") (i32.const 20000))
)

(thread $B (shared (module $Mem))
  (register "mem" $Mem)
  (module
    (memory (import "mem" "shared") 1 1 shared)
    (func (export "bump") (result i32) (local $i i32)
      (loop $l
        (drop (i64.atomic.rmw32.add_u (i32.const 16) (i64.const 1)))
        (drop (i32.atomic.rmw16.sub_u (i32.const 22) (i32.const 1)))
        (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 20000))))
      (local.get $i)))
  (assert_return (invoke "bump") (i32.const 20000))
)

(wait $A)
(wait $B)
(assert_return (invoke $Mem "total") (i32.const 40000))
(register "mem" $Mem)
;; Byte 20: 20000 mod 256 = 0x20; bytes 22-23: -20000 mod 65536 = 0xB1E0; byte 21 untouched.
(module $Check (memory (import "mem" "shared") 1 1 shared)
  (func (export "word20") (result i32) (i32.atomic.load (i32.const 20))))
(assert_return (invoke $Check "word20") (i32.const 0xB1E00020))
