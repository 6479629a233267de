#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace faaslab {

// One server shared by its requests (processor sharing with a cap): with n
// requests on `capacity` CPUs, each progresses at rate min(1, capacity / n)
// CPU-seconds per second. This is how the requests of one container instance
// share its vCPUs.
//
// Virtual time makes it O(log n): V advances at the common rate,
// dV/dt = min(1, capacity / n). A request that joins when V = v0 with work w
// finishes when V reaches its tag v0 + w. Every request progresses at the
// same rate, so the next to finish is the one with the smallest tag (a
// min-heap), and its real finishing time is now + (tag - V) / rate. Joining
// and leaving cost O(log n), not O(n).
class ProcessorSharingServer {
public:
    static constexpr std::uint32_t None = std::numeric_limits<std::uint32_t>::max();

    explicit ProcessorSharingServer(double capacity = 1.0)
        : m_capacity(capacity) {}

    // Brings V up to `now` (call before any change).
    void advanceTo(double now);

    // Adds a request (identified by `id`) with `work` CPU-seconds.
    void join(std::uint32_t id, double work);
    // Removes the request that finishes first; returns its id.
    std::uint32_t leaveFirst();

    std::uint32_t active() const { return static_cast<std::uint32_t>(m_heap.size()); }
    double rate() const;
    // CPUs in use: min(capacity, n).
    double busyCapacity() const;
    // Real time at which the first request finishes, or +inf when empty.
    double nextDeparture() const;

private:
    struct Tag {
        double finish; // virtual finishing time
        std::uint32_t id;
    };
    static bool after(const Tag& a, const Tag& b) {
        return a.finish > b.finish || (a.finish == b.finish && a.id > b.id);
    }

    double m_capacity;
    double m_virtualTime = 0.0;
    double m_lastUpdate = 0.0;
    std::vector<Tag> m_heap;
};

} // namespace faaslab
