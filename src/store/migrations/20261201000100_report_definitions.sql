-- Saved report definitions and the record of every report generated (issue 14). Both are this
-- copy's own office paperwork, not part of the shared record: they stay out of the change feed
-- and of sync bundles.

-- A period report as the office prepares it each time: period, filters, language and paper,
-- the narrative written in the app (presentation, an introduction per axis name) and the
-- sign-off's three people. `filters` is JSON {axes, kinds, countries, status};
-- `introductions` a JSON object from axis name to its text (markup: paragraphs, **bold**,
-- *italic*, "- " lists).
CREATE TABLE report_definitions (
    name            TEXT PRIMARY KEY,
    period_from     TEXT NOT NULL,
    period_to       TEXT NOT NULL,
    filters         TEXT NOT NULL DEFAULT '{}',
    language        TEXT NOT NULL DEFAULT 'es',
    paper           TEXT NOT NULL DEFAULT 'letter',
    presentation    TEXT NOT NULL DEFAULT '',
    introductions   TEXT NOT NULL DEFAULT '{}',
    prepared_name   TEXT NOT NULL DEFAULT '',
    prepared_post   TEXT NOT NULL DEFAULT '',
    reviewed_name   TEXT NOT NULL DEFAULT '',
    reviewed_post   TEXT NOT NULL DEFAULT '',
    authorised_name TEXT NOT NULL DEFAULT '',
    authorised_post TEXT NOT NULL DEFAULT '',
    updated_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

-- One row per report file written: the parameters it was generated with (JSON, the whole
-- definition as used), who and when, and the file's name, SHA-256 (hex) and size.
CREATE TABLE reports_generated (
    id           INTEGER PRIMARY KEY,
    definition   TEXT,
    parameters   TEXT NOT NULL,
    generated_by TEXT NOT NULL,
    generated_at TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    size         INTEGER NOT NULL
) STRICT;

CREATE INDEX reports_generated_at ON reports_generated (generated_at);
