// Runs whisper_full on the libuv thread pool, with progress and an abort flag that
// whisper.cpp checks inside its compute graphs (so a stop takes effect within one graph step).
#pragma once

#include <napi.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "whisper.h"

class WhisperModel;

struct TranscribeRequest {
  std::vector<float> samples;  // 16 kHz mono
  std::string language;        // "auto" or an ISO-639-1 code
  std::string prompt;          // initial prompt, may be empty
  int threads = 4;
};

struct TranscribedSegment {
  int64_t startMs;
  int64_t endMs;
  std::string text;
  float noSpeechProb;
};

class TranscribeWorker : public Napi::AsyncProgressQueueWorker<int> {
 public:
  TranscribeWorker(Napi::Env env, WhisperModel* model, Napi::Object modelObject, whisper_context* context,
                   TranscribeRequest request, Napi::Function onProgress, std::shared_ptr<std::atomic<bool>> abortFlag);
  Napi::Promise Promise() const { return deferred_.Promise(); }

 protected:
  void Execute(const ExecutionProgress& progress) override;
  void OnProgress(const int* data, size_t count) override;
  void OnOK() override;
  void OnError(const Napi::Error& error) override;

 private:
  static void ReportProgress(whisper_context* context, whisper_state* state, int percent, void* self);
  static bool ShouldAbort(void* flag);

  Napi::Promise::Deferred deferred_;
  WhisperModel* model_;
  Napi::ObjectReference modelObject_;  // keeps the model alive while whisper.cpp uses its context
  whisper_context* context_;
  TranscribeRequest request_;
  Napi::FunctionReference onProgress_;
  std::shared_ptr<std::atomic<bool>> abortFlag_;
  const ExecutionProgress* progress_ = nullptr;

  bool aborted_ = false;
  std::string language_;
  std::vector<TranscribedSegment> segments_;
};
