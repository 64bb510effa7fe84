/**
 * Response shapes as each server writes them (field names and nesting follow each server's
 * documented output; values are made up). Replayed by the loopback server in the tests.
 */

/** whisper.cpp's whisper-server, response_format=verbose_json: language as an English name. */
export const WHISPER_CPP_VERBOSE = {
  task: "transcribe",
  language: "spanish",
  duration: 6.5,
  text: " Hoy desplegamos el modelo. Revisamos Kubernetes.",
  segments: [
    { id: 0, text: " Hoy desplegamos el modelo.", start: 0.0, end: 2.4, tokens: [50364, 1012], words: [], temperature: 0, avg_logprob: -0.2, no_speech_prob: 0.01 },
    { id: 1, text: " Revisamos Kubernetes.", start: 2.4, end: 5.1, tokens: [50484, 1013], words: [], temperature: 0, avg_logprob: -0.3, no_speech_prob: 0.02 },
  ],
};

/** speaches (faster-whisper-server), verbose_json: ISO code, OpenAI segment fields. */
export const SPEACHES_VERBOSE = {
  task: "transcribe",
  language: "es",
  duration: 6.5,
  text: "Hoy desplegamos el modelo.",
  words: null,
  segments: [
    { id: 1, seek: 0, start: 0.5, end: 2.9, text: " Hoy desplegamos el modelo.", tokens: [1, 2], temperature: 0.0, avg_logprob: -0.25, compression_ratio: 1.1, no_speech_prob: 0.03 },
  ],
};

/** speaches with stream=true: one `data:` event per segment, each a verbose_json of one segment. */
export function speachesStream(): string {
  const events = [
    { task: "transcribe", language: "es", duration: 6.5, text: " Primera parte.", segments: [{ id: 1, seek: 0, start: 0.0, end: 1.8, text: " Primera parte.", tokens: [], temperature: 0, avg_logprob: -0.2, compression_ratio: 1, no_speech_prob: 0.01 }] },
    { task: "transcribe", language: "es", duration: 6.5, text: " Segunda parte.", segments: [{ id: 2, seek: 0, start: 1.8, end: 3.6, text: " Segunda parte.", tokens: [], temperature: 0, avg_logprob: -0.2, compression_ratio: 1, no_speech_prob: 0.01 }] },
  ];
  return events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join("");
}

/** speaches with diarization: segments carry a speaker label. */
export const DIARIZED_VERBOSE = {
  task: "transcribe",
  language: "es",
  duration: 8,
  text: "¿Listo? Sí, listo.",
  segments: [
    { id: 0, start: 0.0, end: 1.2, text: " ¿Listo?", speaker: "SPEAKER_01" },
    { id: 1, start: 1.4, end: 2.8, text: " Sí, listo.", speaker: "SPEAKER_00" },
    { id: 2, start: 3.0, end: 4.0, text: " Vamos.", speaker: "SPEAKER_01" },
  ],
};

/** OpenAI's response_format=json (and servers that ignore verbose_json): text only. */
export const OPENAI_JSON = { text: "Hoy desplegamos el modelo." };

/** vLLM with stream=true: chat-completion-like chunks. */
export const VLLM_STREAM =
  'data: {"id":"trsc-1","object":"transcription.chunk","created":1,"model":"openai/whisper-large-v3","choices":[{"delta":{"content":" Hoy desplegamos"}}]}\n\n' +
  'data: {"id":"trsc-1","object":"transcription.chunk","created":1,"model":"openai/whisper-large-v3","choices":[{"delta":{"content":" el modelo."}}]}\n\n' +
  "data: [DONE]\n\n";

/** OpenAI's streaming transcription events. */
export const OPENAI_STREAM =
  'event: transcript.text.delta\ndata: {"type":"transcript.text.delta","delta":"Hoy"}\n\n' +
  'event: transcript.text.delta\ndata: {"type":"transcript.text.delta","delta":" desplegamos."}\n\n' +
  'event: transcript.text.done\ndata: {"type":"transcript.text.done","text":"Hoy desplegamos."}\n\n';

/** nginx in front of a server that is down. */
export const NGINX_502 =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n";

/** FastAPI's (speaches) 404 and OpenAI's error body. */
export const FASTAPI_404 = { detail: "Not Found" };
export const OPENAI_413 = { error: { message: "Maximum content size limit (26214400) exceeded (26289204 bytes read)", type: "server_error", param: null, code: null } };
export const WHISPER_CPP_500 = { error: "failed to process audio" };
