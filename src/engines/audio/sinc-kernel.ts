import { SINC_DOT_WASM_BASE64 } from "./wasm/sinc-dot-wasm";

/**
 * The resampler's inner loop: out[n] = Σ_j input[firsts[n] + j] · table[rows[n] + j].
 * WebAssembly SIMD (4 multiply-adds per instruction) when the runtime has it — Node ≥ 16 and
 * Electron do — otherwise plain JavaScript. Taps are padded to a multiple of 8 with zeros.
 */
export interface DotKernel {
  dots(input: Float32Array, inputLength: number, firsts: Int32Array, rows: Int32Array, out: Float32Array): void;
}

const WASM_PAGE = 65536;
let compiled: WebAssembly.Module | null | undefined;

function wasmModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    // atob, not Buffer: the renderer's decode worker (src/obsidian/renderer-decode) resamples too.
    const bytes = Uint8Array.from(atob(SINC_DOT_WASM_BASE64), (char) => char.charCodeAt(0));
    compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

/** `table` rows are `paddedTaps` long; only the first `taps` coefficients of each are non-zero. */
export function createDotKernel(table: Float32Array, taps: number, paddedTaps: number, preferJs = false): DotKernel {
  const module = preferJs ? null : wasmModule();
  return module ? new WasmDotKernel(module, table, paddedTaps) : new JsDotKernel(table, taps);
}

class JsDotKernel implements DotKernel {
  constructor(
    private readonly table: Float32Array,
    private readonly taps: number,
  ) {}

  dots(input: Float32Array, _inputLength: number, firsts: Int32Array, rows: Int32Array, out: Float32Array): void {
    const { table, taps } = this;
    for (let n = 0; n < out.length; n++) {
      const first = firsts[n];
      const row = rows[n];
      let acc = 0;
      for (let j = 0; j < taps; j++) acc += input[first + j] * table[row + j];
      out[n] = acc;
    }
  }
}

class WasmDotKernel implements DotKernel {
  private readonly memory: WebAssembly.Memory;
  private readonly run: (buf: number, table: number, firsts: number, rows: number, out: number, count: number, taps: number) => void;
  private readonly tableBytes: number;

  constructor(
    module: WebAssembly.Module,
    table: Float32Array,
    private readonly taps: number,
  ) {
    const instance = new WebAssembly.Instance(module, {});
    this.memory = instance.exports.memory as WebAssembly.Memory;
    this.run = instance.exports.dots as WasmDotKernel["run"];
    this.tableBytes = table.byteLength;
    this.ensure(this.tableBytes);
    new Float32Array(this.memory.buffer, 0, table.length).set(table);
  }

  dots(input: Float32Array, inputLength: number, firsts: Int32Array, rows: Int32Array, out: Float32Array): void {
    const count = out.length;
    const bufferAt = this.tableBytes;
    const bufferFloats = inputLength + this.taps; // zero tail: padded taps may read past the end
    const firstsAt = bufferAt + bufferFloats * 4;
    const rowsAt = firstsAt + count * 4;
    const outAt = rowsAt + count * 4;
    this.ensure(outAt + count * 4);
    const heap = this.memory.buffer;
    new Float32Array(heap, bufferAt, inputLength).set(input.subarray(0, inputLength));
    new Float32Array(heap, bufferAt + inputLength * 4, this.taps).fill(0);
    new Int32Array(heap, firstsAt, count).set(firsts);
    new Int32Array(heap, rowsAt, count).set(rows);
    this.run(bufferAt, 0, firstsAt, rowsAt, outAt, count, this.taps);
    out.set(new Float32Array(this.memory.buffer, outAt, count));
  }

  private ensure(bytes: number): void {
    const missing = bytes - this.memory.buffer.byteLength;
    if (missing > 0) this.memory.grow(Math.ceil(missing / WASM_PAGE));
  }
}
