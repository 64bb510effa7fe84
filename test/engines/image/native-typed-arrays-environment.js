/**
 * Jest's node environment gives each test file its own typed-array constructors, while
 * onnxruntime-node's native binding creates output tensors with the process's own ones;
 * onnxruntime-common then rejects them ("float32 tensor's data must be type of Float32Array").
 * Sharing the real constructors with the sandbox fixes it for files that opt in with
 * `@jest-environment ./test/engines/image/native-typed-arrays-environment.js`.
 */
const { TestEnvironment } = require("jest-environment-node");

const SHARED = [
  "ArrayBuffer", "Uint8Array", "Int8Array", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array",
  "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "Uint8ClampedArray",
];

class NativeTypedArraysEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) this.global[name] = globalThis[name];
  }
}

module.exports = NativeTypedArraysEnvironment;
