// Per-environment state (Node worker threads each load their own copy of the addon).
#pragma once

#include <napi.h>

struct AddonData {
  Napi::FunctionReference modelConstructor;
};
