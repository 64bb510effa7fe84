#include "model.h"

#include <atomic>
#include <memory>

#include "addon-data.h"
#include "transcribe-worker.h"

Napi::Function WhisperModel::DefineClass(Napi::Env env) {
  return Napi::ObjectWrap<WhisperModel>::DefineClass(
      env, "WhisperModel",
      {InstanceMethod<&WhisperModel::Transcribe>("transcribe"), InstanceMethod<&WhisperModel::Release>("release")});
}

Napi::Object WhisperModel::Wrap(Napi::Env env, whisper_context* context) {
  return env.GetInstanceData<AddonData>()->modelConstructor.New({Napi::External<whisper_context>::New(env, context)});
}

WhisperModel::WhisperModel(const Napi::CallbackInfo& info) : Napi::ObjectWrap<WhisperModel>(info) {
  if (info.Length() != 1 || !info[0].IsExternal()) {
    throw Napi::TypeError::New(info.Env(), "Use loadModel(path) to open a Whisper model");
  }
  context_ = info[0].As<Napi::External<whisper_context>>().Data();
}

WhisperModel::~WhisperModel() { FreeContext(); }

void WhisperModel::FreeContext() {
  if (context_ != nullptr) whisper_free(context_);
  context_ = nullptr;
}

void WhisperModel::FinishTranscription() {
  busy_ = false;
  if (releaseRequested_) FreeContext();
}

// transcribe(pcm: Float32Array, options: { language?, prompt?, threads? }, onProgress?: (percent) => void)
//   -> { promise: Promise<Result>, abort(): void }
Napi::Value WhisperModel::Transcribe(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (context_ == nullptr || releaseRequested_) throw Napi::Error::New(env, "The Whisper model was released");
  if (busy_) throw Napi::Error::New(env, "The Whisper model is already transcribing");
  if (info.Length() < 1 || !info[0].IsTypedArray() ||
      info[0].As<Napi::TypedArray>().TypedArrayType() != napi_float32_array) {
    throw Napi::TypeError::New(env, "transcribe(pcm, options, onProgress?): pcm must be a Float32Array");
  }
  Napi::Float32Array pcm = info[0].As<Napi::Float32Array>();
  TranscribeRequest request;
  request.samples.assign(pcm.Data(), pcm.Data() + pcm.ElementLength());
  request.language = "auto";
  if (info.Length() > 1 && info[1].IsObject()) {
    Napi::Object options = info[1].As<Napi::Object>();
    if (options.Get("language").IsString()) request.language = options.Get("language").As<Napi::String>().Utf8Value();
    if (options.Get("prompt").IsString()) request.prompt = options.Get("prompt").As<Napi::String>().Utf8Value();
    if (options.Get("threads").IsNumber()) request.threads = options.Get("threads").As<Napi::Number>().Int32Value();
  }
  if (request.threads < 1) request.threads = 1;
  Napi::Function onProgress = info.Length() > 2 && info[2].IsFunction() ? info[2].As<Napi::Function>() : Napi::Function();

  auto abortFlag = std::make_shared<std::atomic<bool>>(false);
  auto* worker = new TranscribeWorker(env, this, info.This().As<Napi::Object>(), context_, std::move(request), onProgress, abortFlag);
  busy_ = true;
  Napi::Object job = Napi::Object::New(env);
  job.Set("promise", worker->Promise());
  job.Set("abort", Napi::Function::New(
                       env,
                       [abortFlag](const Napi::CallbackInfo& call) -> Napi::Value {
                         abortFlag->store(true);
                         return call.Env().Undefined();
                       },
                       "abort"));
  worker->Queue();
  return job;
}

Napi::Value WhisperModel::Release(const Napi::CallbackInfo& info) {
  if (busy_) {
    releaseRequested_ = true;
  } else {
    FreeContext();
  }
  return info.Env().Undefined();
}
