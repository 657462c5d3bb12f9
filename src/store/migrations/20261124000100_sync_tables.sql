-- Sync (src/sync): this copy's keys, the copies it trusts, every change it knows from every
-- copy, the merge state of each record, what each peer has acknowledged, and the bundles seen.

CREATE TABLE sync_identity (
    copy_id         TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('officer', 'central')),
    minisign_public TEXT NOT NULL,
    minisign_secret TEXT NOT NULL,
    age_public      TEXT NOT NULL,
    age_secret      TEXT NOT NULL,
    created_at      TEXT NOT NULL
) STRICT;

-- The roster: copies whose bundles this copy accepts and sends to.
CREATE TABLE sync_peers (
    copy_id         TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL,
    minisign_public TEXT NOT NULL UNIQUE,
    age_public      TEXT NOT NULL,
    added_at        TEXT NOT NULL
) STRICT;

-- Every change known here, local or received, numbered per origin copy: re-receiving one is
-- a no-op, and what a peer lacks is a comparison of counters.
CREATE TABLE sync_log (
    origin    TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    hlc       TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    change    TEXT NOT NULL,
    PRIMARY KEY (origin, seq)
) STRICT;

-- Merge state per record: for each field the writes not superseded (the winner and any
-- conflicting ones) and the stamps already superseded (see src/sync/merge.rs).
CREATE TABLE sync_records (
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    state     TEXT NOT NULL,
    conflicted INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity, entity_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX sync_records_conflicted ON sync_records(conflicted) WHERE conflicted = 1;

-- What `peer` is known to hold of `origin`'s changes (contiguous from 1).
CREATE TABLE sync_acks (
    peer   TEXT NOT NULL,
    origin TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    PRIMARY KEY (peer, origin)
) STRICT, WITHOUT ROWID;

-- Bundles made and received, numbered per (sender, recipient).
CREATE TABLE sync_bundles (
    direction  TEXT NOT NULL CHECK (direction IN ('out', 'in')),
    peer       TEXT NOT NULL,
    number     INTEGER NOT NULL,
    bundle_id  TEXT NOT NULL,
    created_at TEXT NOT NULL,
    done_at    TEXT NOT NULL,
    summary    TEXT NOT NULL,
    PRIMARY KEY (direction, peer, number)
) STRICT;

-- Attachment links already known to sync (by activity and content hash).
CREATE TABLE sync_attachments (
    activity_id TEXT NOT NULL,
    hash        TEXT NOT NULL,
    PRIMARY KEY (activity_id, hash)
) STRICT, WITHOUT ROWID;
