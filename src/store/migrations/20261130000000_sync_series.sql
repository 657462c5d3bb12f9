-- The numbered series changes travel in (src/sync/series.rs). A copy numbers its changes in one
-- series at a time; a restored or copied database starts a new one, so no (origin, seq) that
-- may have left the machine is ever used again. `owner` is the identity whose signed bundles
-- may carry the series' changes; `retired_at` is set once its owner numbers in a newer one.
CREATE TABLE sync_series (
    origin     TEXT PRIMARY KEY,
    owner      TEXT NOT NULL,
    started_at TEXT NOT NULL,
    retired_at TEXT
) STRICT;
