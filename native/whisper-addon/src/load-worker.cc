#include "load-worker.h"

#include "model.h"

LoadWorker::LoadWorker(Napi::Env env, std::string path, bool useGpu, bool flashAttention)
    : Napi::AsyncWorker(env, "bitacora:whisper-load"),
      deferred_(Napi::Promise::Deferred::New(env)),
      path_(std::move(path)),
      useGpu_(useGpu),
      flashAttention_(flashAttention) {}

void LoadWorker::Execute() {
  whisper_context_params params = whisper_context_default_params();
  params.use_gpu = useGpu_;
  params.flash_attn = flashAttention_;
  context_ = whisper_init_from_file_with_params(path_.c_str(), params);
  if (context_ == nullptr) SetError("whisper.cpp could not load the model file (not a ggml Whisper model, or damaged)");
}

void LoadWorker::OnOK() {
  Napi::HandleScope scope(Env());
  try {
    deferred_.Resolve(WhisperModel::Wrap(Env(), context_));
  } catch (const Napi::Error& error) {
    whisper_free(context_);
    deferred_.Reject(error.Value());
  }
}

void LoadWorker::OnError(const Napi::Error& error) { deferred_.Reject(error.Value()); }

Napi::Value LoadModel(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsString()) throw Napi::TypeError::New(env, "loadModel(path, options?): path must be a string");
  bool useGpu = false;
  bool flashAttention = false;
  if (info.Length() > 1 && info[1].IsObject()) {
    Napi::Object options = info[1].As<Napi::Object>();
    if (options.Has("useGpu")) useGpu = options.Get("useGpu").ToBoolean();
    if (options.Has("flashAttention")) flashAttention = options.Get("flashAttention").ToBoolean();
  }
  auto* worker = new LoadWorker(env, info[0].As<Napi::String>().Utf8Value(), useGpu, flashAttention);
  Napi::Promise promise = worker->Promise();
  worker->Queue();
  return promise;
}
