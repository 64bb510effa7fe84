// Bitácora's WebAssembly binding of whisper.cpp: a plain C API the JS side calls through
// Module._bw_*. The runtime's main thread (the engine host's JS thread) must stay free while
// whisper.cpp works, because Emscripten's pthreads need it to start and recycle worker threads;
// so a job runs on its own pthread and reports progress and its end back to the main thread
// with asynchronous calls. Abort is a flag in shared memory that whisper.cpp reads between
// encoder passes and decoder steps.
#include <emscripten.h>
#include <emscripten/threading.h>

#include <atomic>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "whisper.h"

namespace {

struct Job {
  int id = 0;
  whisper_context* context = nullptr;
  std::vector<float> samples;
  std::string language;
  std::string prompt;
  int threads = 1;
  std::atomic<bool> abort{false};
  int status = 0;
};

void reportProgressOnMain(int jobId, int percent) {
  EM_ASM({ Module.whisperProgress($0, $1); }, jobId, percent);
}

void reportDoneOnMain(int jobId, int status) {
  EM_ASM({ Module.whisperDone($0, $1); }, jobId, status);
}

void onProgress(whisper_context*, whisper_state*, int percent, void* user) {
  auto* job = static_cast<Job*>(user);
  emscripten_async_run_in_main_runtime_thread(EM_FUNC_SIG_VII, reportProgressOnMain, job->id, percent);
}

bool shouldAbort(void* user) { return static_cast<Job*>(user)->abort.load(); }

void runJob(Job* job) {
  whisper_full_params params = whisper_full_default_params(WHISPER_SAMPLING_GREEDY);
  params.n_threads = job->threads;
  params.language = job->language.c_str();
  params.initial_prompt = job->prompt.empty() ? nullptr : job->prompt.c_str();
  params.print_progress = false;
  params.print_realtime = false;
  params.print_special = false;
  params.print_timestamps = false;
  params.progress_callback = onProgress;
  params.progress_callback_user_data = job;
  params.abort_callback = shouldAbort;
  params.abort_callback_user_data = job;
  job->status = whisper_full(job->context, params, job->samples.data(), static_cast<int>(job->samples.size()));
  emscripten_async_run_in_main_runtime_thread(EM_FUNC_SIG_VII, reportDoneOnMain, job->id, job->status);
}

// whisper.cpp's log goes nowhere; the first error line of a load says why it failed.
std::string loadError;

void keepFirstError(ggml_log_level level, const char* text, void*) {
  if (level == GGML_LOG_LEVEL_ERROR && loadError.empty()) loadError = text;
}

whisper_context_params contextParams() {
  whisper_context_params params = whisper_context_default_params();
  params.use_gpu = false;
  return params;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* bw_version() { return whisper_version(); }

EMSCRIPTEN_KEEPALIVE const char* bw_system_info() { return whisper_print_system_info(); }

EMSCRIPTEN_KEEPALIVE void bw_quiet() { whisper_log_set(keepFirstError, nullptr); }

EMSCRIPTEN_KEEPALIVE const char* bw_load_error() { return loadError.c_str(); }

// Reads the model through the file system (NODERAWFS: the real disk). Null when it fails.
EMSCRIPTEN_KEEPALIVE whisper_context* bw_load_file(const char* path) {
  loadError.clear();
  return whisper_init_from_file_with_params(path, contextParams());
}

// Loads a model from bytes the caller copied into the heap; the caller frees them afterwards.
EMSCRIPTEN_KEEPALIVE whisper_context* bw_load_buffer(void* bytes, size_t size) {
  loadError.clear();
  return whisper_init_from_buffer_with_params(bytes, size, contextParams());
}

EMSCRIPTEN_KEEPALIVE void bw_free(whisper_context* context) { whisper_free(context); }

// Starts a transcription on its own thread; the samples are copied. Ends with whisperDone(id, status).
EMSCRIPTEN_KEEPALIVE Job* bw_start(whisper_context* context, int id, const float* samples, int count,
                                   const char* language, const char* prompt, int threads) {
  auto* job = new Job();
  job->id = id;
  job->context = context;
  job->samples.assign(samples, samples + count);
  job->language = language;
  job->prompt = prompt;
  job->threads = threads < 1 ? 1 : threads;
  std::thread(runJob, job).detach();
  return job;
}

EMSCRIPTEN_KEEPALIVE void bw_abort(Job* job) { job->abort.store(true); }

EMSCRIPTEN_KEEPALIVE int bw_aborted(Job* job) { return job->abort.load() ? 1 : 0; }

// Frees the job once whisperDone has been received; the results stay in the context.
EMSCRIPTEN_KEEPALIVE void bw_finish(Job* job) { delete job; }

EMSCRIPTEN_KEEPALIVE int bw_language(whisper_context* context) { return whisper_full_lang_id(context); }

EMSCRIPTEN_KEEPALIVE const char* bw_language_code(int id) { return id >= 0 ? whisper_lang_str(id) : ""; }

EMSCRIPTEN_KEEPALIVE int bw_segments(whisper_context* context) { return whisper_full_n_segments(context); }

// whisper.cpp times are in centiseconds.
EMSCRIPTEN_KEEPALIVE double bw_segment_t0(whisper_context* context, int i) {
  return static_cast<double>(whisper_full_get_segment_t0(context, i));
}

EMSCRIPTEN_KEEPALIVE double bw_segment_t1(whisper_context* context, int i) {
  return static_cast<double>(whisper_full_get_segment_t1(context, i));
}

EMSCRIPTEN_KEEPALIVE const char* bw_segment_text(whisper_context* context, int i) {
  return whisper_full_get_segment_text(context, i);
}

EMSCRIPTEN_KEEPALIVE float bw_segment_no_speech(whisper_context* context, int i) {
  return whisper_full_get_segment_no_speech_prob(context, i);
}

}  // extern "C"
