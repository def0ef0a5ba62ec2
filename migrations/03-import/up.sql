-- Where a session came from, so that importing the same file twice adds
-- nothing the second time. source is the app that exported it ('strong',
-- 'hevy'); source_key is that file's natural key for the workout, its start
-- time as written in the file and its name, so it does not depend on the time
-- zone the import runs in. Both are NULL for sessions logged in runstrong.
ALTER TABLE session ADD COLUMN source TEXT;
ALTER TABLE session ADD COLUMN source_key TEXT;
CREATE UNIQUE INDEX session_by_source ON session (source, source_key) WHERE source_key IS NOT NULL;

-- Distance, as exact hundredths of the unit in the file (cardio rows of
-- Strong and Hevy exports), so that an import loses nothing.
ALTER TABLE set_log ADD COLUMN distance_centi INTEGER CHECK (distance_centi >= 0);
ALTER TABLE set_log ADD COLUMN distance_unit TEXT CHECK (distance_unit IN ('m', 'km', 'mi'));
