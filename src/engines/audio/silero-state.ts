import type { Tensor, TensorMaker } from "../onnx/onnx-backend";

export type SileroGeneration = 4 | 5;

/**
 * Silero's recurrent state for `lanes` independent streams: v4 keeps LSTM h and c [2, lanes, 64],
 * v5/v6 one tensor [2, lanes, 128]. Layout is [layer][lane][units], so a lane is two slices.
 */
export class SileroState {
  private constructor(
    private readonly generation: SileroGeneration,
    private readonly lanes: number,
    /** v4: [h, c]; v5: [state]. */
    private readonly tensors: Float32Array[],
  ) {}

  private static units(generation: SileroGeneration): number {
    return generation === 5 ? 128 : 64;
  }

  static zero(generation: SileroGeneration, lanes: number): SileroState {
    const size = 2 * lanes * SileroState.units(generation);
    const count = generation === 5 ? 1 : 2;
    return new SileroState(generation, lanes, Array.from({ length: count }, () => new Float32Array(size)));
  }

  /** `lanes` streams where the first continues `single` (one lane) and the others start from zero. */
  static lanesWithFirst(single: SileroState, lanes: number): SileroState {
    const units = SileroState.units(single.generation);
    const state = SileroState.zero(single.generation, lanes);
    state.tensors.forEach((tensor, t) => {
      for (let layer = 0; layer < 2; layer++) tensor.set(single.tensors[t].subarray(layer * units, (layer + 1) * units), layer * lanes * units);
    });
    return state;
  }

  static fromOutputs(generation: SileroGeneration, lanes: number, out: Record<string, Tensor>): SileroState {
    const names = generation === 5 ? [out.stateN ? "stateN" : "state"] : ["hn", "cn"];
    return new SileroState(generation, lanes, names.map((name) => out[name].data as Float32Array));
  }

  /** One lane's state as a single-stream state. */
  lane(index: number): SileroState {
    const units = SileroState.units(this.generation);
    const tensors = this.tensors.map((tensor) => {
      const single = new Float32Array(2 * units);
      for (let layer = 0; layer < 2; layer++) {
        const from = (layer * this.lanes + index) * units;
        single.set(tensor.subarray(from, from + units), layer * units);
      }
      return single;
    });
    return new SileroState(this.generation, 1, tensors);
  }

  feeds(tensor: TensorMaker): Record<string, Tensor> {
    const dims = [2, this.lanes, SileroState.units(this.generation)];
    if (this.generation === 5) return { state: tensor("float32", this.tensors[0], dims) };
    return { h: tensor("float32", this.tensors[0], dims), c: tensor("float32", this.tensors[1], dims) };
  }
}
