/**
 * Writes tiny ONNX models from JS for tests: a hand-rolled protobuf encoder for the handful of
 * ModelProto fields we need (onnx.proto3 field numbers). No weights are downloaded or committed.
 */

type Field = Buffer;

function varint(value: number | bigint): Buffer {
  let v = BigInt(value);
  const bytes: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    bytes.push(byte);
  } while (v > 0n);
  return Buffer.from(bytes);
}

const key = (field: number, wire: number) => varint((field << 3) | wire);
const int = (field: number, value: number | bigint): Field => Buffer.concat([key(field, 0), varint(value)]);
const bytes = (field: number, value: Buffer): Field => Buffer.concat([key(field, 2), varint(value.length), value]);
const str = (field: number, value: string): Field => bytes(field, Buffer.from(value, "utf8"));
const msg = (field: number, ...parts: Field[]): Field => bytes(field, Buffer.concat(parts));

export const FLOAT = 1;
export const INT64 = 7;

/** dims: numbers for fixed sizes, strings for symbolic ones ("seq"). */
export function valueInfo(field: 11 | 12, name: string, elemType: number, dims: (number | string)[]): Field {
  const dimensions = dims.map((dim) => msg(1, typeof dim === "number" ? int(1, dim) : str(2, dim)));
  return msg(field, str(1, name), msg(2, msg(1, int(1, elemType), msg(2, ...dimensions))));
}

export function floatTensor(name: string, dims: number[], values: number[]): Field {
  const raw = Buffer.from(new Float32Array(values).buffer);
  return msg(5, ...dims.map((dim) => int(1, dim)), int(2, FLOAT), str(8, name), bytes(9, raw));
}

export function int64Tensor(name: string, dims: number[], values: number[]): Field {
  const raw = Buffer.from(new BigInt64Array(values.map(BigInt)).buffer);
  return msg(5, ...dims.map((dim) => int(1, dim)), int(2, INT64), str(8, name), bytes(9, raw));
}

export function node(opType: string, inputs: string[], outputs: string[], attributes: Field[] = []): Field {
  return msg(1, ...inputs.map((input) => str(1, input)), ...outputs.map((output) => str(2, output)), str(4, opType), ...attributes);
}

/** AttributeProto of type INTS (7). */
export function intsAttribute(name: string, values: number[]): Field {
  return msg(5, str(1, name), ...values.map((value) => int(8, value)), int(20, 7));
}

/** AttributeProto of type INT (2). */
export function intAttribute(name: string, value: number): Field {
  return msg(5, str(1, name), int(3, value), int(20, 2));
}

export function model(graphParts: Field[], opset = 13): Buffer {
  const graph = msg(7, ...graphParts, str(2, "tiny"));
  return Buffer.concat([int(1, 7), str(2, "bitacora-test"), graph, msg(8, str(1, ""), int(2, opset))]);
}
