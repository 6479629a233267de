#pragma once

#include <cstdint>

namespace faaslab {

// One request as the workload produces it. It lives only for the duration of
// the call that hands it to a platform; platforms keep what they need of it in
// their own bounded state (an event, a slot in a queue), never in a
// per-request store.
struct Request {
    std::uint64_t id = 0; // 0, 1, 2 ... in arrival order
    double arrival = 0.0; // seconds since the start of the run
    // Service demand in seconds at full speed on one CPU: the execution time
    // on a function instance or a VM core, the CPU work on a container.
    double work = 0.0;
    // Time the request spends waiting on downstream services (a database,
    // another API) without using CPU. FaaS instances and VM cores are held
    // (and, for FaaS, billed) through it; a container instance serves other
    // requests meanwhile.
    double ioWait = 0.0;
    // Opaque to platforms: handed back in InvocationEnd so that whoever
    // submitted the request (an application runtime) knows which one ended.
    std::uint64_t token = 0;
};

// Receives requests at their arrival time.
class RequestSink {
public:
    virtual void onArrival(const Request& request) = 0;

protected:
    ~RequestSink() = default;
};

} // namespace faaslab
