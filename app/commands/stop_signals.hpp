#pragma once
// SIGTERM (Slurm at a job's time limit, scancel, kill) and SIGINT (Ctrl-C) ask `run` to stop
// cleanly: no new run starts, the runs in progress are written, their block is flushed and
// marked complete, and the .partial is closed for --resume. Killed at once instead, a job
// could die in the middle of an HDF5 flush (see agents/runner/partial_salvage.hpp). Slurm
// waits KillWait (30 s by default) between SIGTERM and SIGKILL; a clean stop takes the time
// of the runs in progress, milliseconds.
namespace seccoop::app {

/// From now on the first SIGTERM or SIGINT is recorded (and acknowledged on stderr) instead of
/// ending the process; a second one takes the default action: the process ends at once.
void catch_stop_signals();

/// The signal that asked to stop, or 0. Safe to call from any thread.
[[nodiscard]] int stop_signal() noexcept;

}  // namespace seccoop::app
