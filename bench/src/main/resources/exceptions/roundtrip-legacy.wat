;; The legacy form of roundtrip.wat (try/catch, as clang emits), for engines that run only that form.
(module
  (tag $e (param i32))
  (func $thrower (param i32) (throw $e (local.get 0)))
  (func $returner (param i32) (result i32) (local.get 0))
  (func (export "throw_catch") (param $n i32) (result i32)
    (local $i i32) (local $sum i32)
    (loop $l
      (try (result i32)
        (do (call $thrower (local.get $i)) (i32.const 0))
        (catch $e))
      (local.set $sum (i32.add (local.get $sum)))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $sum))
  (func (export "no_throw") (param $n i32) (result i32)
    (local $i i32) (local $sum i32)
    (loop $l
      (try (result i32)
        (do (call $returner (local.get $i)))
        (catch $e))
      (local.set $sum (i32.add (local.get $sum)))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $sum))
  (func (export "plain") (param $n i32) (result i32)
    (local $i i32) (local $sum i32)
    (loop $l
      (local.set $sum (i32.add (local.get $sum) (call $returner (local.get $i))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $sum)))
