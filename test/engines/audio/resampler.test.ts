import { decodeToPcm16kMono, resample, SincResampler } from "../../../src/engines/audio";
import { concatFloat32 } from "../../../src/engines/audio/join-arrays";
import { fixture, rms, sine, toneAmplitude, zeroCrossingFrequency } from "./audio-test-helpers";

/** Known tones through the windowed-sinc resampler: right frequency, right level, nothing folded back. */
const steady = (x: Float32Array) => x.subarray(800, x.length - 800); // skip the filter's edges

describe("SincResampler with known tones", () => {
  test.each([44100, 48000, 22050, 32000, 8000])("a 1 kHz tone at %i Hz comes out at 1 kHz with the same amplitude", (rate) => {
    const out = resample(sine(1000, rate, 1, 0.5), rate, 16000);
    expect(out.length).toBe(16000);
    const body = steady(out);
    expect(zeroCrossingFrequency(body, 16000)).toBeCloseTo(1000, 0);
    expect(toneAmplitude(body, 16000, 1000)).toBeCloseTo(0.5, 2);
  });

  test("speech-band tones (300 Hz, 3.4 kHz, 6 kHz) pass within 0.1 dB", () => {
    for (const frequency of [300, 3400, 6000]) {
      const body = steady(resample(sine(frequency, 48000, 1, 0.5), 48000, 16000));
      const gainDb = 20 * Math.log10(toneAmplitude(body, 16000, frequency) / 0.5);
      expect(Math.abs(gainDb)).toBeLessThan(0.1);
    }
  });

  test.each([
    [48000, 12000], // would alias to 4 kHz
    [44100, 9000], // would alias to 7 kHz
    [44100, 15000], // would alias to 1 kHz
  ])("a tone above 8 kHz (%i Hz input, %i Hz tone) is removed, not folded into the speech band", (rate, frequency) => {
    const body = steady(resample(sine(frequency, rate, 1, 0.5), rate, 16000));
    const aliasFrequency = Math.abs(16000 * Math.round(frequency / 16000) - frequency);
    const rejectionDb = 20 * Math.log10(Math.max(rms(body), 1e-9) / (0.5 / Math.SQRT2));
    expect(rejectionDb).toBeLessThan(-60);
    expect(toneAmplitude(body, 16000, aliasFrequency)).toBeLessThan(0.5e-3);
  });

  test("block-by-block resampling equals one-shot resampling (streaming keeps the filter state)", () => {
    const input = sine(440, 44100, 2, 0.3);
    const whole = resample(input, 44100, 16000);
    const streamer = new SincResampler(44100, 16000);
    const parts: Float32Array[] = [];
    for (let start = 0, size = 1; start < input.length; start += size, size = (size * 7 + 3) % 5000 || 1) {
      parts.push(streamer.process(input.subarray(start, start + size)));
    }
    parts.push(streamer.flush());
    const streamed = concatFloat32(parts);
    expect(streamed.length).toBe(whole.length);
    let maxError = 0;
    for (let i = 0; i < whole.length; i++) maxError = Math.max(maxError, Math.abs(streamed[i] - whole[i]));
    expect(maxError).toBeLessThan(1e-6);
  });

  test("the WebAssembly SIMD kernel and the plain JavaScript loop give the same samples", () => {
    const input = sine(1234, 44100, 0.5, 0.4);
    const simd = resample(input, 44100, 16000);
    const plain = resample(input, 44100, 16000, { javascriptOnly: true });
    expect(simd.length).toBe(plain.length);
    let maxError = 0;
    for (let i = 0; i < simd.length; i++) maxError = Math.max(maxError, Math.abs(simd[i] - plain[i]));
    expect(maxError).toBeLessThan(1e-6);
  });

  test("a constant stays constant and 16 kHz passes through untouched", () => {
    const dc = steady(resample(new Float32Array(44100).fill(0.25), 44100, 16000));
    expect(Math.max(...Array.from(dc, (v) => Math.abs(v - 0.25)))).toBeLessThan(1e-4);
    const same = new Float32Array([0.1, -0.2, 0.3]);
    expect(resample(same, 16000, 16000)).toBe(same);
  });
});

describe("the decoder resamples the same way", () => {
  test("tone-1k-44100.wav (sox) decodes to a 1 kHz tone at 16 kHz, amplitude 0.5", async () => {
    const { samples, durationSec } = await decodeToPcm16kMono(fixture("tone-1k-44100.wav"));
    expect(durationSec).toBeCloseTo(0.5, 3);
    expect(zeroCrossingFrequency(steady(samples), 16000)).toBeCloseTo(1000, 0);
    expect(toneAmplitude(steady(samples), 16000, 1000)).toBeCloseTo(0.5, 2);
  });

  test("tone-12k-48000.wav (above 8 kHz) decodes to near silence, no 4 kHz alias", async () => {
    const { samples } = await decodeToPcm16kMono(fixture("tone-12k-48000.wav"));
    expect(20 * Math.log10(rms(steady(samples)) / (0.5 / Math.SQRT2))).toBeLessThan(-60);
    expect(toneAmplitude(steady(samples), 16000, 4000)).toBeLessThan(0.5e-3);
  });
});
