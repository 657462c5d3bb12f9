-- First schema: activities, directory, axes, attachments, audit trail and full-text search.
-- Dates are ISO text; `*_date` holds the first day a partial date covers, `span_end` the last
-- day the whole activity covers, so a period filter is one index range.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE axes (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL UNIQUE,
    position   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE TABLE organisations (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    country     TEXT,
    acronym     TEXT,
    notes       TEXT,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    deleted_at  TEXT,
    merged_into TEXT REFERENCES organisations(id)
) STRICT;
CREATE INDEX organisations_name_key ON organisations(name_key);

CREATE TABLE people (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    name_key        TEXT NOT NULL,
    post            TEXT,
    organisation_id TEXT REFERENCES organisations(id),
    email           TEXT,
    phone           TEXT,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL,
    deleted_at      TEXT,
    merged_into     TEXT REFERENCES people(id)
) STRICT;
CREATE INDEX people_name_key ON people(name_key);

CREATE TABLE activities (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,
    title           TEXT NOT NULL,
    title_key       TEXT NOT NULL,
    start_date      TEXT NOT NULL,
    start_precision TEXT NOT NULL,
    end_date        TEXT,
    end_precision   TEXT,
    span_end        TEXT NOT NULL,
    start_time      TEXT,
    end_time        TEXT,
    summary         TEXT,
    modality        TEXT,
    place           TEXT,
    axis_id         TEXT REFERENCES axes(id),
    topics          TEXT NOT NULL DEFAULT '[]',
    outcomes        TEXT,
    status          TEXT NOT NULL,
    date_text       TEXT,
    details         TEXT NOT NULL DEFAULT '{}',
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL,
    deleted_at      TEXT
) STRICT;
-- Live records only, and covering the usual filters, so a count or a page never reads the
-- wide rows (summaries, details) of records it does not return.
CREATE INDEX activities_live ON activities(start_date, span_end, kind, axis_id, status, modality, id)
    WHERE deleted_at IS NULL;
CREATE INDEX activities_live_kind ON activities(kind, start_date, span_end, axis_id, status, modality, id)
    WHERE deleted_at IS NULL;
CREATE INDEX activities_natural_key ON activities(kind, start_date, title_key);
-- Filters that arrive as a set of ids (country, organisation) check liveness and order here.
CREATE INDEX activities_by_id ON activities(id, start_date, deleted_at);

CREATE TABLE activity_countries (
    activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    country     TEXT NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (activity_id, country)
) STRICT, WITHOUT ROWID;
CREATE INDEX activity_countries_country ON activity_countries(country, activity_id);

CREATE TABLE activity_organisations (
    activity_id     TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    role            TEXT,
    position        INTEGER NOT NULL,
    PRIMARY KEY (activity_id, organisation_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX activity_organisations_org ON activity_organisations(organisation_id, activity_id);

CREATE TABLE activity_people (
    activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL REFERENCES people(id),
    -- the post and organisation the person held at the time of the activity
    post        TEXT,
    organisation TEXT,
    role        TEXT,
    position    INTEGER NOT NULL,
    PRIMARY KEY (activity_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX activity_people_person ON activity_people(person_id, activity_id);

CREATE TABLE follow_ups (
    activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    task        TEXT NOT NULL,
    due         TEXT,
    owner       TEXT,
    done        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (activity_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX follow_ups_due ON follow_ups(due);

-- Files live next to the database, named by their SHA-256; rows only point at them.
CREATE TABLE attachments (
    activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    hash        TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    size        INTEGER NOT NULL,
    added_at    TEXT NOT NULL,
    added_by    TEXT NOT NULL,
    PRIMARY KEY (activity_id, hash)
) STRICT, WITHOUT ROWID;

CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    origin    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action    TEXT NOT NULL,
    before    TEXT,
    after     TEXT
) STRICT;
CREATE INDEX audit_entity ON audit(entity_id, id);

-- Accent- and case-insensitive search; rowid = activities.seq.
CREATE VIRTUAL TABLE activity_search USING fts5(
    title, summary, place, organisations, people, countries,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
