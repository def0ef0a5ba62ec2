-- Cardio is a third kind of exercise: distance and duration work that
-- imports bring in (a run, a row). Its time is a set's duration_ms, never
-- hold_ms, so time held, hold records and hold charts leave it out.
--
-- SQLite changes a CHECK only by copying the table
-- (https://sqlite.org/lang_altertable.html#otheralter). Sets and plans
-- refer to exercise by name, and runstrong runs migrations with foreign keys
-- off, as that page says, so they follow the copy; the ids stay.
CREATE TABLE exercise_new (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind  TEXT NOT NULL CHECK (kind = 'reps' OR kind = 'hold' OR kind = 'cardio'),
    sides TEXT NOT NULL CHECK (sides = 'both' OR sides = 'each')
) STRICT;
INSERT INTO exercise_new (id, name, kind, sides) SELECT id, name, kind, sides FROM exercise ORDER BY id;
DROP TABLE exercise;
ALTER TABLE exercise_new RENAME TO exercise;

-- Earlier imports stored runs as holds: a "hold" exercise that went a
-- distance and never counted reps is cardio. Its sets keep their time, as a
-- duration; the hold records they held are taken back.
CREATE TEMP TABLE cardio AS
    SELECT e.id FROM exercise e
    WHERE e.kind = 'hold'
      AND EXISTS (SELECT 1 FROM set_log l WHERE l.exercise_id = e.id AND l.distance_centi > 0)
      AND NOT EXISTS (SELECT 1 FROM set_log l WHERE l.exercise_id = e.id AND l.reps > 0);
UPDATE exercise SET kind = 'cardio' WHERE id IN (SELECT id FROM temp.cardio);
DELETE FROM set_record
WHERE kind = 'longest_hold'
  AND set_id IN (SELECT id FROM set_log WHERE exercise_id IN (SELECT id FROM temp.cardio));
UPDATE set_log SET duration_ms = hold_ms, hold_ms = NULL
WHERE exercise_id IN (SELECT id FROM temp.cardio) AND hold_ms IS NOT NULL AND reps IS NULL;
UPDATE set_best SET hold_ms = NULL, hold_set = NULL, hold_before = NULL
WHERE exercise_id IN (SELECT id FROM temp.cardio);
DROP TABLE temp.cardio;
