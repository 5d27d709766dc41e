;; Exception round trips for ExceptionBenchmark and the engine comparison (workload=wasm): each export
;; runs n iterations and returns a sum, so every engine's result can be checked against the others.
;;   throw_catch  a callee throws a tag with an i32 payload, a try_table around the call catches it
;;   no_throw     the same try_table and call, the callee returns normally (the try's normal-path cost)
;;   plain        the same call without a try_table (the baseline for no_throw)
(module
  (tag $e (param i32))
  (func $thrower (param i32) (throw $e (local.get 0)))
  (func $returner (param i32) (result i32) (local.get 0))
  (func (export "throw_catch") (param $n i32) (result i32)
    (local $i i32) (local $sum i32)
    (loop $l
      (block $h (result i32)
        (try_table (catch $e $h) (call $thrower (local.get $i)))
        (i32.const 0))
      (local.set $sum (i32.add (local.get $sum)))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $sum))
  (func (export "no_throw") (param $n i32) (result i32)
    (local $i i32) (local $sum i32)
    (loop $l
      (block $h (result i32)
        (try_table (result i32) (catch $e $h) (call $returner (local.get $i))))
      (local.set $sum (i32.add (local.get $sum)))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $sum))
  (func (export "plain") (param $n i32) (result i32)
    (local $i i32) (local $sum i32)
    (loop $l
      (local.set $sum (i32.add (local.get $sum) (call $returner (local.get $i))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $sum)))
