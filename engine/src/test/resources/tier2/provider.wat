;; Exports a table of functions for another instance's call_indirect, a memory, and a SIMD function
;; that calls another compiled function.
(module
  (type $ii (func (param i32) (result i32)))
  (memory (export "mem") 1)
  (table (export "tab") 4 funcref)
  (elem (i32.const 0) $double $triple)
  (func $double (export "double") (type $ii) local.get 0 i32.const 2 i32.mul)
  (func $triple (type $ii) local.get 0 i32.const 3 i32.mul)
  (func $simd_then_double (export "simd_then_double") (param i32) (result i32)
    (i32x4.extract_lane 0 (i32x4.splat (local.get 0)))
    call $double)
)
