#pragma once

#include "simulator/event_queue.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

namespace faaslab::sim {

// Notified by the run loop at the two instants that delimit measurement.
class RunObserver {
public:
    // Statistics collected before this instant are discarded.
    virtual void onWarmupEnd(double time) = 0;
    // Time-based statistics stop here; events after it only drain work that
    // was already in the system (arrivals have stopped).
    virtual void onHorizon(double time) = 0;

protected:
    ~RunObserver() = default;
};

struct RunProgress {
    double simulatedTime = 0.0;
    double horizon = 0.0;
    std::uint64_t eventsProcessed = 0;
    bool draining = false;
    double fraction() const { return horizon > 0.0 && !draining ? simulatedTime / horizon : 1.0; }
};

struct RunControl {
    double warmup = 0.0;
    // Called from the simulating thread every `progressInterval` events.
    std::function<void(const RunProgress&)> progress;
    std::uint64_t progressInterval = std::uint64_t{1} << 15;
    // Events later than this are never processed, even while draining; a
    // guard against a model that keeps scheduling work after the horizon.
    double drainLimit = std::numeric_limits<double>::infinity();
};

enum class RunOutcome { Completed, Cancelled };

// The simulation clock, the pending-event set and the run loop.
//
// There is no global "current simulation": every run owns one of these, so
// independent runs (architectures, replications, sweep points) execute on as
// many threads as there are cores.
class Simulation {
public:
    // Arrivals stop at `horizon`; time-based statistics end there.
    //
    // `cancel`, set from any thread, stops the run: the run loop polls it
    // every `progressInterval` events, and a model that may loop without
    // scheduling events (an arrival generator stepping through rate changes)
    // polls it through cancelRequested(), from start() on as well. It is
    // known from construction because models already search for their first
    // events before run().
    explicit Simulation(double horizon, const std::atomic<bool>* cancel = nullptr)
        : m_horizon(horizon)
        , m_cancel(cancel) {}
    Simulation(const Simulation&) = delete;
    Simulation& operator=(const Simulation&) = delete;

    double now() const { return m_now; }
    double horizon() const { return m_horizon; }
    // True once the clock has passed the horizon: sources must stop creating
    // new work, models only finish what is in the system.
    bool draining() const { return m_draining; }
    // The flag given at construction (null if the run cannot be cancelled).
    const std::atomic<bool>* cancelFlag() const { return m_cancel; }
    bool cancelRequested() const {
        return m_cancel != nullptr && m_cancel->load(std::memory_order_relaxed);
    }

    void schedule(double time, EventHandler* handler, std::uint32_t kind, std::uint32_t index = 0,
                  double value = 0.0) {
        m_queue.push(time, handler, kind, index, value);
    }
    void scheduleIn(double delay, EventHandler* handler, std::uint32_t kind,
                    std::uint32_t index = 0, double value = 0.0) {
        m_queue.push(m_now + delay, handler, kind, index, value);
    }

    // The source slot: room for one pending event outside the heap, for a
    // stream that always has exactly one next event and replaces it each
    // time it fires (the workload's next arrival). It is ordered with the
    // heap by the same (time, sequence) rule, so the run is identical to one
    // that scheduled the event normally; it just saves a heap insertion and
    // removal per arrival. Scheduling replaces any pending source event.
    void scheduleSource(double time, EventHandler* handler) {
        m_source = Event{time, m_queue.takeSequence(), handler, 0, 0, 0.0};
        m_hasSource = true;
    }

    void addObserver(RunObserver* observer) { m_observers.push_back(observer); }

    RunOutcome run(const RunControl& control);

    std::uint64_t eventsProcessed() const { return m_eventsProcessed; }
    std::size_t pendingEvents() const { return m_queue.size() + (m_hasSource ? 1 : 0); }
    // See EventQueue::setPendingLimit(); schedule() throws beyond it.
    void setPendingLimit(std::size_t limit) { m_queue.setPendingLimit(limit); }

private:
    void reachHorizon();

    bool sourceFiresFirst() const {
        if (!m_hasSource) {
            return false;
        }
        if (m_queue.empty()) {
            return true;
        }
        const double heapTime = m_queue.topTime();
        return m_source.time < heapTime ||
               (m_source.time == heapTime && m_source.sequence < m_queue.topSequence());
    }

    EventQueue m_queue;
    Event m_source;
    bool m_hasSource = false;
    std::vector<RunObserver*> m_observers;
    double m_now = 0.0;
    double m_horizon = 0.0;
    const std::atomic<bool>* m_cancel = nullptr;
    bool m_draining = false;
    std::uint64_t m_eventsProcessed = 0;
};

} // namespace faaslab::sim
