;; SIMD kernel of SincResampler: for each output n, the dot product of `taps4` input samples
;; starting at firsts[n] with the filter phase starting at rows[n] (both in floats).
;; Build: node scripts/build-sinc-wasm.mjs (writes sinc-dot-wasm.ts).
(module
  (memory (export "memory") 1)
  (func (export "dots")
    (param $buf i32) (param $table i32) (param $firsts i32) (param $rows i32) (param $out i32) (param $count i32) (param $taps4 i32)
    (local $n i32) (local $a i32) (local $t i32) (local $end i32) (local $acc0 v128) (local $acc1 v128)
    (block $done
      (loop $outer
        (br_if $done (i32.ge_u (local.get $n) (local.get $count)))
        (local.set $a (i32.add (local.get $buf)
          (i32.shl (i32.load (i32.add (local.get $firsts) (i32.shl (local.get $n) (i32.const 2)))) (i32.const 2))))
        (local.set $t (i32.add (local.get $table)
          (i32.shl (i32.load (i32.add (local.get $rows) (i32.shl (local.get $n) (i32.const 2)))) (i32.const 2))))
        (local.set $end (i32.add (local.get $t) (i32.shl (local.get $taps4) (i32.const 2))))
        (local.set $acc0 (v128.const f32x4 0 0 0 0))
        (local.set $acc1 (v128.const f32x4 0 0 0 0))
        ;; taps4 is a multiple of 8: two independent accumulators per step.
        (block $inner_done
          (loop $inner
            (br_if $inner_done (i32.ge_u (local.get $t) (local.get $end)))
            (local.set $acc0 (f32x4.add (local.get $acc0)
              (f32x4.mul (v128.load align=4 (local.get $a)) (v128.load align=4 (local.get $t)))))
            (local.set $acc1 (f32x4.add (local.get $acc1)
              (f32x4.mul (v128.load offset=16 align=4 (local.get $a)) (v128.load offset=16 align=4 (local.get $t)))))
            (local.set $a (i32.add (local.get $a) (i32.const 32)))
            (local.set $t (i32.add (local.get $t) (i32.const 32)))
            (br $inner)))
        (local.set $acc0 (f32x4.add (local.get $acc0) (local.get $acc1)))
        (f32.store (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 2)))
          (f32.add
            (f32.add (f32x4.extract_lane 0 (local.get $acc0)) (f32x4.extract_lane 1 (local.get $acc0)))
            (f32.add (f32x4.extract_lane 2 (local.get $acc0)) (f32x4.extract_lane 3 (local.get $acc0)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $outer)))))
