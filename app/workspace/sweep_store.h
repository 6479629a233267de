#pragma once

#include "app/workspace/run_store.h"
#include "models/runner/sweep_runner.h"

#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

namespace faaslab::workspace {

class Workspace;

struct SweepSummary {
    qint64 id = 0;
    qint64 revisionId = 0;
    QString scenarioName;
    QString parameter;
    int points = 0;
    QDateTime startedAt;
    double wallTimeS = 0.0;
    QString status;
};

struct StoredSweep {
    SweepSummary summary;
    QString costMetric;
    SweepResults results;
};

// The sweep history: each sweep with its points (per architecture the
// metrics of that point) and the break-even points found between them.
class SweepStore {
public:
    explicit SweepStore(Workspace& workspace)
        : m_workspace(workspace) {}

    std::optional<qint64> save(qint64 revisionId, const SweepResults& results,
                               const std::string& costMetric, const RunRecord& record,
                               QString* error);
    std::optional<std::vector<SweepSummary>> list(QString* error) const;
    std::optional<StoredSweep> load(qint64 id, QString* error) const;
    bool remove(qint64 id, QString* error);

private:
    Workspace& m_workspace;
};

} // namespace faaslab::workspace
