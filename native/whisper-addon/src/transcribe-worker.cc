#include "transcribe-worker.h"

#include "model.h"

TranscribeWorker::TranscribeWorker(Napi::Env env, WhisperModel* model, Napi::Object modelObject, whisper_context* context,
                                   TranscribeRequest request, Napi::Function onProgress,
                                   std::shared_ptr<std::atomic<bool>> abortFlag)
    : Napi::AsyncProgressQueueWorker<int>(env, "bitacora:whisper-transcribe"),
      deferred_(Napi::Promise::Deferred::New(env)),
      model_(model),
      modelObject_(Napi::Persistent(modelObject)),
      context_(context),
      request_(std::move(request)),
      abortFlag_(std::move(abortFlag)) {
  if (!onProgress.IsEmpty()) onProgress_ = Napi::Persistent(onProgress);
}

void TranscribeWorker::ReportProgress(whisper_context*, whisper_state*, int percent, void* self) {
  auto* worker = static_cast<TranscribeWorker*>(self);
  if (worker->progress_ != nullptr) worker->progress_->Send(&percent, 1);
}

bool TranscribeWorker::ShouldAbort(void* flag) { return static_cast<std::atomic<bool>*>(flag)->load(); }

void TranscribeWorker::Execute(const ExecutionProgress& progress) {
  progress_ = &progress;
  // Greedy decoding with best-of-5 and temperature fallback: whisper.cpp's own defaults.
  whisper_full_params params = whisper_full_default_params(WHISPER_SAMPLING_GREEDY);
  params.n_threads = request_.threads;
  params.language = request_.language.c_str();
  params.initial_prompt = request_.prompt.empty() ? nullptr : request_.prompt.c_str();
  params.print_progress = false;
  params.print_realtime = false;
  params.print_special = false;
  params.print_timestamps = false;
  params.progress_callback = &TranscribeWorker::ReportProgress;
  params.progress_callback_user_data = this;
  params.abort_callback = &TranscribeWorker::ShouldAbort;
  params.abort_callback_user_data = abortFlag_.get();

  const int status = whisper_full(context_, params, request_.samples.data(), static_cast<int>(request_.samples.size()));
  progress_ = nullptr;
  if (abortFlag_->load()) {
    aborted_ = true;
    return;
  }
  if (status != 0) {
    SetError("whisper_full failed with status " + std::to_string(status));
    return;
  }
  const int languageId = whisper_full_lang_id(context_);
  const char* language = languageId >= 0 ? whisper_lang_str(languageId) : nullptr;
  language_ = language != nullptr ? language : "";
  const int count = whisper_full_n_segments(context_);
  segments_.reserve(count);
  for (int i = 0; i < count; i++) {
    // whisper.cpp times are in centiseconds.
    segments_.push_back({whisper_full_get_segment_t0(context_, i) * 10, whisper_full_get_segment_t1(context_, i) * 10,
                         whisper_full_get_segment_text(context_, i), whisper_full_get_segment_no_speech_prob(context_, i)});
  }
}

void TranscribeWorker::OnProgress(const int* data, size_t count) {
  if (onProgress_.IsEmpty() || count == 0) return;
  Napi::HandleScope scope(Env());
  onProgress_.Call({Napi::Number::New(Env(), data[count - 1])});
}

void TranscribeWorker::OnOK() {
  Napi::Env env = Env();
  Napi::HandleScope scope(env);
  model_->FinishTranscription();
  Napi::Object result = Napi::Object::New(env);
  result.Set("aborted", aborted_);
  result.Set("language", language_);
  Napi::Array segments = Napi::Array::New(env, segments_.size());
  for (size_t i = 0; i < segments_.size(); i++) {
    Napi::Object segment = Napi::Object::New(env);
    segment.Set("startMs", static_cast<double>(segments_[i].startMs));
    segment.Set("endMs", static_cast<double>(segments_[i].endMs));
    segment.Set("text", segments_[i].text);
    segment.Set("noSpeechProb", segments_[i].noSpeechProb);
    segments.Set(i, segment);
  }
  result.Set("segments", segments);
  deferred_.Resolve(result);
}

void TranscribeWorker::OnError(const Napi::Error& error) {
  model_->FinishTranscription();
  deferred_.Reject(error.Value());
}
