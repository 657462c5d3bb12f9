-- A page sorted by date walks this narrow index in its order (start date, then seq, the rowid
-- every index ends with) and stops after the page; a count of live records or a search over
-- many matches reads it instead of the wider covering indexes or the rows themselves.
CREATE INDEX activities_live_date ON activities(start_date) WHERE deleted_at IS NULL;
