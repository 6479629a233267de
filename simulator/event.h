#pragma once

#include <cstdint>

namespace faaslab::sim {

class EventHandler;

// One scheduled occurrence. Events are plain values so that the queue can
// store them contiguously and never allocates per event: a handler decodes
// `kind`, `index` and `value` itself (for example kind = "request finished",
// index = instance slot, value = arrival time).
struct Event {
    double time = 0.0;
    // Insertion order; breaks ties between events at the same time so that a
    // run is deterministic whatever the heap layout.
    std::uint64_t sequence = 0;
    EventHandler* handler = nullptr;
    std::uint32_t kind = 0;
    std::uint32_t index = 0;
    double value = 0.0;
};

// Something that reacts to its own events. The kernel only orders and
// dispatches; all model logic lives in handlers.
class EventHandler {
public:
    virtual void handleEvent(const Event& event) = 0;

protected:
    ~EventHandler() = default;
};

// Strict weak order used by the queue: earlier time first, then earlier
// insertion.
inline bool firesBefore(const Event& a, const Event& b) {
    if (a.time != b.time) {
        return a.time < b.time;
    }
    return a.sequence < b.sequence;
}

} // namespace faaslab::sim
