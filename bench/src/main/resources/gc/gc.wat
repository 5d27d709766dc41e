;; GC kernels for the JMH harness (GcBenchmark) and the engine comparison (scripts/bench-compare):
;;   trees(d)   allocation: 8 binary trees of depth d built bottom-up and walked (binary-trees)
;;   casts(n)   casts: n passes over 1,024 shapes of three subtypes, each dispatched with br_on_cast
;;   sieve(n)   arrays: primes below n with a mutable i8 array
(module
  (type $node (struct (field $l (ref null $node)) (field $r (ref null $node))))
  (type $shape (sub (struct (field $tag i32))))
  (type $circle (sub final $shape (struct (field $tag i32) (field $r i32))))
  (type $rect (sub final $shape (struct (field $tag i32) (field $w i32) (field $h i32))))
  (type $shapes (array (mut (ref null $shape))))
  (type $bytes (array (mut i8)))

  (func $make (param $d i32) (result (ref $node))
    (if (result (ref $node)) (i32.eqz (local.get $d))
      (then (struct.new $node (ref.null $node) (ref.null $node)))
      (else (struct.new $node
              (call $make (i32.sub (local.get $d) (i32.const 1)))
              (call $make (i32.sub (local.get $d) (i32.const 1)))))))

  (func $check (param $t (ref $node)) (result i32)
    (local $l (ref null $node))
    (local.set $l (struct.get $node $l (local.get $t)))
    (if (result i32) (ref.is_null (local.get $l))
      (then (i32.const 1))
      (else (i32.add (i32.const 1)
              (i32.add (call $check (ref.as_non_null (local.get $l)))
                       (call $check (ref.as_non_null (struct.get $node $r (local.get $t)))))))))

  (func (export "trees") (param $d i32) (result i32) (local $i i32) (local $s i32)
    (loop $again
      (local.set $s (i32.add (local.get $s) (call $check (call $make (local.get $d)))))
      (br_if $again (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 8))))
    (local.get $s))

  (func $shapes (result (ref $shapes)) (local $a (ref $shapes)) (local $i i32)
    (local.set $a (array.new_default $shapes (i32.const 1024)))
    (loop $fill
      (array.set $shapes (local.get $a) (local.get $i)
        (if (result (ref $shape)) (i32.eqz (i32.rem_u (local.get $i) (i32.const 3)))
          (then (struct.new $circle (i32.const 1) (local.get $i)))
          (else (if (result (ref $shape)) (i32.eq (i32.rem_u (local.get $i) (i32.const 3)) (i32.const 1))
            (then (struct.new $rect (i32.const 2) (local.get $i) (i32.const 3)))
            (else (struct.new $shape (i32.const 0)))))))
      (br_if $fill (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 1024))))
    (local.get $a))

  (func $area (param $s (ref null $shape)) (result i32) (local $rr (ref null $rect))
    (block $notCircle (result (ref null $shape))
      (br_on_cast_fail $notCircle (ref null $shape) (ref $circle) (local.get $s))
      (return (i32.mul (struct.get $circle $r) (i32.const 3))))
    (block $notRect (param (ref null $shape)) (result (ref null $shape))
      (br_on_cast_fail $notRect (ref null $shape) (ref $rect))
      (local.set $rr)
      (return (i32.mul (struct.get $rect $w (local.get $rr)) (struct.get $rect $h (local.get $rr)))))
    (drop)
    (i32.const 0))

  (func (export "casts") (param $n i32) (result i32) (local $a (ref $shapes)) (local $i i32) (local $s i32)
    (local.set $a (call $shapes))
    (loop $pass
      (local.set $i (i32.const 0))
      (loop $each
        (local.set $s (i32.add (local.get $s) (call $area (array.get $shapes (local.get $a) (local.get $i)))))
        (br_if $each (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 1024))))
      (br_if $pass (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))

  (func (export "sieve") (param $n i32) (result i32) (local $a (ref $bytes)) (local $i i32) (local $j i32) (local $c i32)
    (local.set $a (array.new_default $bytes (local.get $n)))
    (local.set $i (i32.const 2))
    (block $done (loop $outer
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (if (i32.eqz (array.get_u $bytes (local.get $a) (local.get $i)))
        (then
          (local.set $c (i32.add (local.get $c) (i32.const 1)))
          (local.set $j (i32.add (local.get $i) (local.get $i)))
          (block $marked (loop $mark
            (br_if $marked (i32.ge_u (local.get $j) (local.get $n)))
            (array.set $bytes (local.get $a) (local.get $j) (i32.const 1))
            (local.set $j (i32.add (local.get $j) (local.get $i)))
            (br $mark)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $outer)))
    (local.get $c))
)
