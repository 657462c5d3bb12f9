-- Axis sets: each administration or plan names its own axes ("ejes"); one set is active, and
-- the form offers its axes that are not archived. Axes already recorded go into a first set.
-- An axis can be cross-cutting (the report prints it first). `sync_key` names an axis across
-- copies, whose ids differ: it is the name's key when first written and a rename keeps it.

CREATE TABLE axis_sets (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    name_key   TEXT NOT NULL UNIQUE,
    active     INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX axis_sets_one_active ON axis_sets(active) WHERE active = 1;

INSERT INTO axis_sets (id, name, name_key, active, created_at)
VALUES (lower(hex(randomblob(16))), 'Plan de gobierno', 'plan de gobierno', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

ALTER TABLE axes ADD COLUMN set_id TEXT REFERENCES axis_sets(id);
ALTER TABLE axes ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
ALTER TABLE axes ADD COLUMN cross_cutting INTEGER NOT NULL DEFAULT 0;
ALTER TABLE axes ADD COLUMN sync_key TEXT;
UPDATE axes SET set_id = (SELECT id FROM axis_sets), sync_key = name_key;
CREATE UNIQUE INDEX axes_sync_key ON axes(sync_key);
CREATE INDEX axes_in_set ON axes(set_id, position);
