#include "simulator/simulation.h"

namespace faaslab::sim {

RunOutcome Simulation::run(const RunControl& control) {
    m_draining = false;
    m_eventsProcessed = 0;

    // Like the horizon, the end of warm-up is a boundary checked in the loop
    // rather than an event, so it precedes every event at or after it,
    // whenever that event was scheduled.
    bool warmedUp = false;
    auto endWarmup = [&](double time) {
        warmedUp = true;
        // Every event before it has been processed, so the clock moves forward.
        m_now = time;
        for (RunObserver* observer : m_observers) {
            observer->onWarmupEnd(time);
        }
    };
    if (control.warmup <= 0.0) {
        endWarmup(0.0);
    }

    const std::uint64_t interval = control.progressInterval > 0 ? control.progressInterval : 1;
    std::uint64_t untilCheck = interval;

    for (;;) {
        const bool fromSource = sourceFiresFirst();
        if (!fromSource && m_queue.empty()) {
            break;
        }
        const double next = fromSource ? m_source.time : m_queue.topTime();
        if (!warmedUp && next >= control.warmup) {
            endWarmup(control.warmup < m_horizon ? control.warmup : m_horizon);
        }
        if (!m_draining && next > m_horizon) {
            reachHorizon();
        }
        if (next > control.drainLimit) {
            break;
        }
        if (fromSource) {
            m_hasSource = false;
            m_now = m_source.time;
            m_source.handler->handleEvent(m_source);
        } else {
            const Event event = m_queue.pop();
            m_now = event.time;
            event.handler->handleEvent(event);
        }
        ++m_eventsProcessed;

        if (--untilCheck == 0) {
            untilCheck = interval;
            if (cancelRequested()) {
                break; // handled below
            }
            if (control.progress) {
                control.progress(RunProgress{m_now, m_horizon, m_eventsProcessed, m_draining});
            }
        }
    }
    // Cancelled while running, or a model that stopped early because the
    // flag was set (an arrival generator gives up its search) and so left
    // the queue empty: a cancelled run, not a completed one with fewer
    // arrivals.
    if (cancelRequested()) {
        m_queue.clear();
        m_hasSource = false;
        return RunOutcome::Cancelled;
    }
    if (!warmedUp) {
        endWarmup(control.warmup < m_horizon ? control.warmup : m_horizon);
    }
    if (!m_draining) {
        reachHorizon();
    }
    m_queue.clear();
    m_hasSource = false;
    if (control.progress) {
        control.progress(RunProgress{m_now, m_horizon, m_eventsProcessed, true});
    }
    return RunOutcome::Completed;
}

void Simulation::reachHorizon() {
    m_draining = true;
    if (m_now < m_horizon) {
        m_now = m_horizon;
    }
    for (RunObserver* observer : m_observers) {
        observer->onHorizon(m_horizon);
    }
}

} // namespace faaslab::sim
