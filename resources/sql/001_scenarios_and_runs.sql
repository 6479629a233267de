-- Schema version 1: the scenario library and the run history.
-- Times are ISO 8601 UTC text ("2026-11-26T14:03:07.123Z").

CREATE TABLE scenarios (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Every version of a scenario's JSON document that was saved or run.
CREATE TABLE scenario_revisions (
    id INTEGER PRIMARY KEY,
    scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    document TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (scenario_id, number)
);

CREATE TABLE scenario_tags (
    scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (scenario_id, tag)
) WITHOUT ROWID;
CREATE INDEX scenario_tags_by_tag ON scenario_tags(tag);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    revision_id INTEGER NOT NULL REFERENCES scenario_revisions(id) ON DELETE CASCADE,
    scenario_name TEXT NOT NULL,
    seed INTEGER NOT NULL,
    replications INTEGER NOT NULL,
    duration_s REAL NOT NULL,
    warmup_s REAL NOT NULL,
    software_version TEXT NOT NULL,
    started_at TEXT NOT NULL,
    wall_time_s REAL NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('completed', 'cancelled', 'failed')),
    -- The cheapest architecture by 30-day cost (models/results/ranking.h),
    -- kept so that listing runs reads one row per run.
    cheapest TEXT NOT NULL DEFAULT '',
    cheapest_monthly_cost REAL
);
CREATE INDEX runs_by_revision ON runs(revision_id);
CREATE INDEX runs_by_start ON runs(started_at);

-- One row per architecture of a run. The time series and the latency CDF
-- are blobs of packed little-endian IEEE 754 doubles (docs/workspace.md).
CREATE TABLE run_architectures (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    replications INTEGER NOT NULL,
    pricing_preset TEXT NOT NULL DEFAULT '',
    pricing_provider TEXT NOT NULL DEFAULT '',
    pricing_product TEXT NOT NULL DEFAULT '',
    pricing_source_url TEXT NOT NULL DEFAULT '',
    pricing_as_of TEXT NOT NULL DEFAULT '',
    series_start_s REAL NOT NULL,
    series_end_s REAL NOT NULL,
    series_bin_s REAL NOT NULL,
    series_columns TEXT NOT NULL,
    series_values BLOB NOT NULL,
    latency_cdf BLOB NOT NULL,
    PRIMARY KEY (run_id, position)
) WITHOUT ROWID;

-- The summary metrics: statistic 0 is the mean over replications, 1 the
-- 95 % confidence half-width. NULL stands for NaN (SQLite has no NaN).
CREATE TABLE run_metrics (
    run_id INTEGER NOT NULL,
    architecture INTEGER NOT NULL,
    statistic INTEGER NOT NULL CHECK (statistic IN (0, 1)),
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    value REAL,
    PRIMARY KEY (run_id, architecture, statistic, position),
    FOREIGN KEY (run_id, architecture)
        REFERENCES run_architectures(run_id, position) ON DELETE CASCADE
) WITHOUT ROWID;
