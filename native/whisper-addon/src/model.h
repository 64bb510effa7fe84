// One loaded whisper.cpp model, exposed to JavaScript as WhisperModel.
#pragma once

#include <napi.h>

#include "whisper.h"

class WhisperModel : public Napi::ObjectWrap<WhisperModel> {
 public:
  static Napi::Function DefineClass(Napi::Env env);
  // Wraps a context that LoadWorker opened; the new object owns it.
  static Napi::Object Wrap(Napi::Env env, whisper_context* context);

  explicit WhisperModel(const Napi::CallbackInfo& info);
  ~WhisperModel() override;

  // Called on the JS thread when a transcription ends, successfully or not.
  void FinishTranscription();

 private:
  Napi::Value Transcribe(const Napi::CallbackInfo& info);
  Napi::Value Release(const Napi::CallbackInfo& info);
  void FreeContext();

  whisper_context* context_ = nullptr;
  // whisper_full uses the context's single state: one transcription at a time.
  bool busy_ = false;
  // release() during a transcription frees the context when that transcription ends.
  bool releaseRequested_ = false;
};
