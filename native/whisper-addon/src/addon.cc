// Module entry: loadModel(), systemInfo(), version(), and the WhisperModel class.
#include <napi.h>

#include <cstdio>

#include "addon-data.h"
#include "load-worker.h"
#include "model.h"
#include "whisper.h"

namespace {

// whisper.cpp logs every tensor while loading; keep only errors (they reach the host's stderr).
void KeepErrorsOnly(ggml_log_level level, const char* text, void*) {
  if (level == GGML_LOG_LEVEL_ERROR) std::fputs(text, stderr);
}

Napi::Value SystemInfo(const Napi::CallbackInfo& info) { return Napi::String::New(info.Env(), whisper_print_system_info()); }

Napi::Value Version(const Napi::CallbackInfo& info) { return Napi::String::New(info.Env(), whisper_version()); }

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  whisper_log_set(&KeepErrorsOnly, nullptr);
  auto* data = new AddonData();
  data->modelConstructor = Napi::Persistent(WhisperModel::DefineClass(env));
  env.SetInstanceData(data);
  exports.Set("loadModel", Napi::Function::New(env, LoadModel, "loadModel"));
  exports.Set("systemInfo", Napi::Function::New(env, SystemInfo, "systemInfo"));
  exports.Set("version", Napi::Function::New(env, Version, "version"));
  return exports;
}

}  // namespace

NODE_API_MODULE(bitacora_whisper, Init)
