#pragma once

#include "models/results/scenario_results.h"

#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

namespace faaslab::workspace {

class Workspace;

// What the Library and `runs list` show of a run: one row of the runs table.
struct RunSummary {
    qint64 id = 0;
    qint64 revisionId = 0;
    qint64 scenarioId = 0;
    QString scenarioName; // the library's name of the scenario
    int revision = 0;     // revision number within the scenario
    std::uint64_t seed = 0;
    int replications = 1;
    QString softwareVersion;
    QDateTime startedAt;
    double wallTimeS = 0.0;
    QString status; // completed, cancelled, failed
    QString cheapest;
    double cheapestMonthlyCost = 0.0; // NaN when unknown
    QString label;
};

// How a run went, besides its results.
struct RunRecord {
    QDateTime startedAt;
    double wallTimeS = 0.0;
    QString status = QStringLiteral("completed");
    QString label;
};

struct StoredRun {
    RunSummary summary;
    ScenarioResults results;
};

// The run history: a run's results are stored so that loading them gives
// back the identical ScenarioResults (every metric, confidence half-width,
// time-series bin and CDF point, NaN included) without re-simulating.
class RunStore {
public:
    explicit RunStore(Workspace& workspace)
        : m_workspace(workspace) {}

    // Stores the run of a scenario revision in one transaction; returns its
    // id once the transaction is committed (durable).
    std::optional<qint64> save(qint64 revisionId, const ScenarioResults& results,
                               const RunRecord& record, QString* error);

    // Newest first; of one scenario when scenarioId > 0.
    std::optional<std::vector<RunSummary>> list(QString* error, qint64 scenarioId = 0) const;
    std::optional<RunSummary> summary(qint64 id, QString* error) const;
    std::optional<StoredRun> load(qint64 id, QString* error) const;
    bool remove(qint64 id, QString* error);
    bool setLabel(qint64 id, const QString& label, QString* error);
    std::optional<qint64> count(QString* error) const;

private:
    Workspace& m_workspace;
};

} // namespace faaslab::workspace
