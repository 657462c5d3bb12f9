-- An attachment marked for the period report prints beside its activity's entry, with a
-- caption and a credit ("Foto: …"). Existing attachments stay out of the report.
ALTER TABLE attachments ADD COLUMN in_report INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attachments ADD COLUMN caption TEXT;
ALTER TABLE attachments ADD COLUMN credit TEXT;
