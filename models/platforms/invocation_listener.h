#pragma once

#include <cstdint>

namespace faaslab {

// How one request (one function invocation) left a platform.
enum class InvocationOutcome : std::uint8_t {
    Completed, // ran to the end
    TimedOut,  // killed at the function timeout (serverless only)
    Rejected,  // throttled, or dropped from a full or timed-out queue
};

struct InvocationEnd {
    std::uint64_t token = 0; // Request::token of the request that ended
    InvocationOutcome outcome = InvocationOutcome::Completed;
    double time = 0.0;    // when it ended
    double latency = 0.0; // from its arrival at the platform to its end
    bool coldStart = false;
};

// Told of the end of every request a platform was given, measured or not.
// An application runtime uses it to invoke the next function of a pipeline;
// a single-function scenario sets no listener and pays nothing for it.
//
// The call happens inside the platform's event handling: the listener must
// not hand the platform a new request from within it (schedule an event
// instead), so that a platform never re-enters itself.
class InvocationListener {
public:
    virtual void onInvocationEnd(const InvocationEnd& end) = 0;

protected:
    ~InvocationListener() = default;
};

} // namespace faaslab
