import { WHISPER_SAMPLE_RATE } from "./whisper-port";

export interface PcmBlockLike {
  startSec: number;
  samples: Float32Array;
}

export interface TimeSpan {
  start: number;
  end: number;
}

/**
 * Cuts time spans (sorted, not overlapping) out of a stream of PCM blocks while the stream
 * is read, keeping only the blocks the next span still needs: memory stays at about one
 * span plus one block however long the recording is.
 */
export async function* spansFromBlocks<S extends TimeSpan>(
  blocks: AsyncIterable<PcmBlockLike> | Iterable<PcmBlockLike>,
  spans: readonly S[],
): AsyncGenerator<{ span: S; samples: Float32Array }> {
  const iterator = Symbol.asyncIterator in blocks ? blocks[Symbol.asyncIterator]() : toAsync(blocks);
  const held: Array<{ from: number; samples: Float32Array }> = [];
  let ended = false;
  const heldEnd = () => (held.length ? held[held.length - 1].from + held[held.length - 1].samples.length : 0);

  for (const span of spans) {
    const from = Math.max(0, Math.floor(span.start * WHISPER_SAMPLE_RATE));
    const to = Math.max(from, Math.ceil(span.end * WHISPER_SAMPLE_RATE));
    // Blocks wholly before this span are not needed again.
    const dropPassed = () => {
      while (held.length && held[0].from + held[0].samples.length <= from) held.shift();
    };
    dropPassed();
    while (!ended && heldEnd() < to) {
      const next = await iterator.next();
      if (next.done) ended = true;
      else held.push({ from: Math.round(next.value.startSec * WHISPER_SAMPLE_RATE), samples: next.value.samples });
      dropPassed();
    }
    const end = Math.min(to, heldEnd());
    const samples = new Float32Array(Math.max(0, end - from));
    for (const block of held) {
      const a = Math.max(from, block.from);
      const b = Math.min(end, block.from + block.samples.length);
      if (b > a) samples.set(block.samples.subarray(a - block.from, b - block.from), a - from);
    }
    yield { span, samples };
  }
  // Let the decoder close its file.
  await iterator.return?.();
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
