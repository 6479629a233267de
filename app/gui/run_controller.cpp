#include "app/gui/run_controller.h"

#include "models/runner/scenario_runner.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>

namespace faaslab::gui {

RunController::RunController(QObject* parent)
    : QObject(parent) {
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &RunController::poll);
    connect(&m_watcher, &QFutureWatcher<bool>::finished, this, &RunController::onDone);
}

RunController::~RunController() {
    // Never leave a worker running against a destroyed controller.
    m_cancel = true;
    m_watcher.waitForFinished();
}

void RunController::startScenario(const Scenario& scenario) {
    if (m_running) {
        return;
    }
    auto results = std::make_shared<ScenarioResults>();
    m_pending = results;
    startJob(
        [scenario, results](const std::atomic<bool>& cancel, std::function<void(double)> progress) {
            RunOptions options;
            options.cancel = &cancel;
            options.progress = [&progress](const RunProgressReport& r) {
                progress(r.fraction);
            };
            RunOutput out = runScenario(scenario, options);
            if (out.status != RunStatus::Completed) {
                return false;
            }
            // Handed to the GUI thread in onDone(), after the worker has ended.
            *results = std::move(out.results);
            return true;
        });
}

void RunController::startJob(
    std::function<bool(const std::atomic<bool>&, std::function<void(double)>)> job) {
    if (m_running) {
        return;
    }
    m_cancel = false;
    m_fraction = 0.0;
    m_error.clear();
    m_running = true;
    m_clock.start();
    m_watcher.setFuture(QtConcurrent::run([this, job = std::move(job)]() {
        try {
            return job(m_cancel, [this](double f) { m_fraction = f; });
        } catch (const std::exception& e) {
            m_error = QString::fromUtf8(e.what());
            return false;
        }
    }));
    m_poll.start();
    emit started();
    emit progress(0.0, 0.0, -1.0);
}

void RunController::stop() {
    m_cancel = true;
}

void RunController::poll() {
    if (!m_running) {
        return;
    }
    const double fraction = m_fraction.load();
    const double elapsed = static_cast<double>(m_clock.elapsed()) / 1000.0;
    const double remaining = fraction > 0.02 ? elapsed * (1.0 - fraction) / fraction : -1.0;
    emit progress(fraction, elapsed, remaining);
}

void RunController::onDone() {
    m_poll.stop();
    m_running = false;
    const bool completed = m_watcher.result();
    if (completed && m_pending) {
        m_results = std::move(*m_pending);
    }
    m_pending.reset();
    if (completed) {
        emit progress(1.0, static_cast<double>(m_clock.elapsed()) / 1000.0, 0.0);
        emit finished();
    } else if (!m_error.isEmpty()) {
        emit failed(m_error);
    } else {
        emit cancelled();
    }
}

bool RunController::waitForFinished(int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (m_running && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return !m_running;
}

} // namespace faaslab::gui
