// Runs independent jobs 0..n-1 on a few threads; each job writes only its own slot, so results stay in order.
#pragma once
#include <cstddef>
#include <functional>

namespace readyctl {

// Calls job(i) once for every i in [0, n), on up to `max_threads` threads (the hardware's count when 0).
// The first exception a job throws is rethrown after every thread has stopped.
void parallel_for(size_t n, const std::function<void(size_t)>& job, unsigned max_threads = 0);

}  // namespace readyctl
