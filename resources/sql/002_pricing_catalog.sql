-- Schema version 2: the editable pricing catalog.
-- The preset's JSON document (format faaslab.pricing/1) is the one source of
-- every value (rates, granularities, minimums, free tier); the descriptive
-- columns are generated from it, so they can never disagree with it.

CREATE TABLE pricing_presets (
    id TEXT PRIMARY KEY,
    document TEXT NOT NULL CHECK (json_valid(document)),
    -- 'builtin': shipped in resources/pricing; 'user': imported or copied.
    origin TEXT NOT NULL CHECK (origin IN ('builtin', 'user')),
    -- A built-in preset the user changed; an upgrade never overwrites it.
    edited INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
    -- For built-ins: the shipped document last loaded, to revert to and to
    -- tell an edited preset that a newer shipped version exists.
    builtin_document TEXT,
    copied_from TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    kind TEXT GENERATED ALWAYS AS (json_extract(document, '$.kind')) VIRTUAL,
    provider TEXT GENERATED ALWAYS AS (json_extract(document, '$.provider')) VIRTUAL,
    product TEXT GENERATED ALWAYS AS (json_extract(document, '$.product')) VIRTUAL,
    region TEXT GENERATED ALWAYS AS (json_extract(document, '$.region')) VIRTUAL,
    currency TEXT GENERATED ALWAYS AS (json_extract(document, '$.currency')) VIRTUAL,
    billing_kind TEXT GENERATED ALWAYS AS (
        CASE json_extract(document, '$.kind')
            WHEN 'container' THEN json_extract(document, '$.billing')
            WHEN 'serverless' THEN 'per_request'
            WHEN 'vm' THEN 'per_instance'
        END) VIRTUAL,
    source_url TEXT GENERATED ALWAYS AS (json_extract(document, '$.source_url')) VIRTUAL,
    as_of TEXT GENERATED ALWAYS AS (json_extract(document, '$.as_of')) VIRTUAL
);
