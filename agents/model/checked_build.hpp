#pragma once
// Whether this build checks the model's own correctness as it runs (the weekly invariants of
// invariants.hpp, the streams of sampler.hpp): debug builds, and builds with CMake's
// SECCOOP_CHECK_INVARIANTS ON (the dev and asan presets). A release build skips the checks.

namespace seccoop::agents {

#if !defined(NDEBUG) || defined(SECCOOP_CHECK_INVARIANTS)
inline constexpr bool kInvariantsChecked = true;
#else
inline constexpr bool kInvariantsChecked = false;
#endif

}  // namespace seccoop::agents
