/**
 * Prosody frames of a recording with the native decoder (every accepted format: webm/opus, m4a,
 * mp3, wav, ogg, flac); the portable host uses frameMeter with its own decoder.
 */
import { streamPcm16kMono } from "../audio";
import { frameMeter } from "./frame-meter";

export type { FrameTracks } from "./frame-meter";

export const measureRecording = frameMeter(streamPcm16kMono);
