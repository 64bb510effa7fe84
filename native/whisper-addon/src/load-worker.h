// Opens a model file on the libuv thread pool: large models take seconds to read.
#pragma once

#include <napi.h>

#include <string>

#include "whisper.h"

class LoadWorker : public Napi::AsyncWorker {
 public:
  LoadWorker(Napi::Env env, std::string path, bool useGpu, bool flashAttention);
  Napi::Promise Promise() const { return deferred_.Promise(); }

 protected:
  void Execute() override;
  void OnOK() override;
  void OnError(const Napi::Error& error) override;

 private:
  Napi::Promise::Deferred deferred_;
  std::string path_;
  bool useGpu_;
  bool flashAttention_;
  whisper_context* context_ = nullptr;
};

// loadModel(path: string, options?: { useGpu?: boolean, flashAttention?: boolean }): Promise<WhisperModel>
Napi::Value LoadModel(const Napi::CallbackInfo& info);
