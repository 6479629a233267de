-- Schema version 3: sweeps and their points, and a free-text label on runs
-- ("after the price change").

ALTER TABLE runs ADD COLUMN label TEXT NOT NULL DEFAULT '';

CREATE TABLE sweeps (
    id INTEGER PRIMARY KEY,
    revision_id INTEGER NOT NULL REFERENCES scenario_revisions(id) ON DELETE CASCADE,
    parameter TEXT NOT NULL,
    cost_metric TEXT NOT NULL,
    seed INTEGER NOT NULL,
    replications INTEGER NOT NULL,
    software_version TEXT NOT NULL,
    started_at TEXT NOT NULL,
    wall_time_s REAL NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('completed', 'cancelled', 'failed')),
    extra_runs INTEGER NOT NULL DEFAULT 0,
    -- JSON array of {value, lower, upper, cheaper_below, cheaper_above}.
    break_evens TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(break_evens))
);
CREATE INDEX sweeps_by_revision ON sweeps(revision_id);

CREATE TABLE sweep_points (
    sweep_id INTEGER NOT NULL REFERENCES sweeps(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    value REAL NOT NULL,
    cheapest TEXT NOT NULL,
    -- JSON array, one object per architecture: name, type, replications and
    -- its metrics as [key, value] pairs in order (null for NaN).
    architectures TEXT NOT NULL CHECK (json_valid(architectures)),
    PRIMARY KEY (sweep_id, position)
) WITHOUT ROWID;
