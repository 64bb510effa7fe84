import { OFFLINE_ENV } from "./offline-env";

// Imported first by the engine host, before any engine module can start ONNX Runtime.
Object.assign(process.env, OFFLINE_ENV);
