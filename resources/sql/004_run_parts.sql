-- Schema version 4: the parts of application runs (scenario format 2): each
-- architecture's functions, triggers and queues, with their metrics in the
-- order the results list them. Runs of format-1 scenarios have none.

CREATE TABLE run_parts (
    run_id INTEGER NOT NULL,
    architecture INTEGER NOT NULL,
    -- 0: function, 1: trigger, 2: queue.
    kind INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (run_id, architecture, kind, position),
    FOREIGN KEY (run_id, architecture)
        REFERENCES run_architectures(run_id, position) ON DELETE CASCADE
) WITHOUT ROWID;

-- statistic 0: the mean over replications, 1: its 95 % half-width.
CREATE TABLE run_part_metrics (
    run_id INTEGER NOT NULL,
    architecture INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    part INTEGER NOT NULL,
    statistic INTEGER NOT NULL CHECK (statistic IN (0, 1)),
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    value REAL,
    PRIMARY KEY (run_id, architecture, kind, part, statistic, position),
    FOREIGN KEY (run_id, architecture, kind, part)
        REFERENCES run_parts(run_id, architecture, kind, position) ON DELETE CASCADE
) WITHOUT ROWID;
