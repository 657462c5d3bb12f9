-- Every local write appends here: the source of outgoing sync bundles and of live refresh.
-- `hlc` is this copy's hybrid logical clock at the write; `fields` lists the top-level fields
-- the write changed; `record` is the entity as it stood after the write (NULL for deletions).

CREATE TABLE changes (
    seq       INTEGER PRIMARY KEY,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    op        TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    hlc       TEXT NOT NULL,
    origin    TEXT NOT NULL,
    record    TEXT,
    fields    TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX changes_entity ON changes(entity, entity_id, seq);
