-- set_log again, with its two CHECKs on lists of three and four values
-- written as comparisons: SQLite checks `x IN (a, b, c)` by building a
-- temporary table for every row written, which made each insert cost twice
-- what it does now (see the import benchmark in docs/PERFORMANCE.md). The
-- values allowed, every row, id and the indexes, view and triggers that hang
-- on set_log are as before; SQLite changes a table's CHECKs only by copying
-- it (https://sqlite.org/lang_altertable.html#otheralter). replaced_by
-- refers to the new table by its new name, so that the rename points it at
-- itself and dropping the old table finds no rows that refer to it.
CREATE TABLE set_log_new (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES session (id),
    exercise_id INTEGER NOT NULL REFERENCES exercise (id),
    set_number  INTEGER NOT NULL CHECK (set_number >= 1),
    side        TEXT CHECK (side IN ('left', 'right')),
    set_type    TEXT NOT NULL DEFAULT 'normal'
                CHECK (set_type = 'normal' OR set_type = 'warmup' OR set_type = 'drop' OR set_type = 'failure'),
    reps        INTEGER CHECK (reps >= 0),
    load_centi  INTEGER CHECK (load_centi > 0),
    load_unit   TEXT CHECK (load_unit IN ('kg', 'lb')),
    hold_ms     INTEGER CHECK (hold_ms >= 0),
    duration_ms INTEGER CHECK (duration_ms >= 0),
    rpe         REAL CHECK (rpe BETWEEN 1 AND 10),
    notes       TEXT,
    logged_at   TEXT NOT NULL,
    distance_centi INTEGER CHECK (distance_centi >= 0),
    distance_unit  TEXT CHECK (distance_unit = 'm' OR distance_unit = 'km' OR distance_unit = 'mi'),
    replaced_by    INTEGER REFERENCES set_log_new (id),
    corrected_at   TEXT,
    deleted_at     TEXT,
    CHECK ((load_centi IS NULL) = (load_unit IS NULL))
) STRICT;
INSERT INTO set_log_new (id, session_id, exercise_id, set_number, side, set_type, reps, load_centi, load_unit, hold_ms, duration_ms,
    rpe, notes, logged_at, distance_centi, distance_unit, replaced_by, corrected_at, deleted_at)
SELECT id, session_id, exercise_id, set_number, side, set_type, reps, load_centi, load_unit, hold_ms, duration_ms,
    rpe, notes, logged_at, distance_centi, distance_unit, replaced_by, corrected_at, deleted_at
FROM set_log ORDER BY id;

-- The view names set_log, so it goes while set_log is missing; the old
-- table's indexes and triggers go with it.
DROP VIEW live_set;
DROP TABLE set_log;
ALTER TABLE set_log_new RENAME TO set_log;

CREATE INDEX set_by_session ON set_log (session_id, id);
CREATE INDEX live_set_by_exercise ON set_log
    (exercise_id, logged_at, session_id, side, reps, load_centi, load_unit, hold_ms)
    WHERE replaced_by IS NULL AND deleted_at IS NULL;
CREATE INDEX set_replaced ON set_log (replaced_by) WHERE replaced_by IS NOT NULL;
CREATE VIEW live_set AS
    SELECT * FROM set_log WHERE replaced_by IS NULL AND deleted_at IS NULL;

-- Migration 04's triggers, unchanged.
-- A new live set can only raise a record: update in place.
CREATE TRIGGER set_best_on_insert AFTER INSERT ON set_log
WHEN NEW.replaced_by IS NULL AND NEW.deleted_at IS NULL
BEGIN
    INSERT INTO set_best (exercise_id, side, load_centi, load_unit, sets, reps, reps_set, hold_ms, hold_set)
    VALUES (NEW.exercise_id, coalesce(NEW.side, 'both'), coalesce(NEW.load_centi, 0), coalesce(NEW.load_unit, ''), 1,
            NEW.reps, iif(NEW.reps IS NULL, NULL, NEW.id), NEW.hold_ms, iif(NEW.hold_ms IS NULL, NULL, NEW.id))
    ON CONFLICT DO UPDATE SET
        sets = sets + 1,
        reps_set = iif(excluded.reps > coalesce(reps, -1), excluded.reps_set, reps_set),
        reps_before = iif(excluded.reps > coalesce(reps, -1), reps, reps_before),
        reps = iif(excluded.reps > coalesce(reps, -1), excluded.reps, reps),
        hold_set = iif(excluded.hold_ms > coalesce(hold_ms, -1), excluded.hold_set, hold_set),
        hold_before = iif(excluded.hold_ms > coalesce(hold_ms, -1), hold_ms, hold_before),
        hold_ms = iif(excluded.hold_ms > coalesce(hold_ms, -1), excluded.hold_ms, hold_ms);
    INSERT INTO session_volume (session_id, exercise_id, side, volume_kg)
    VALUES (NEW.session_id, NEW.exercise_id, coalesce(NEW.side, 'both'),
            coalesce(NEW.reps * NEW.load_centi / 100.0 * iif(NEW.load_unit = 'lb', 0.45359237, 1.0), 0.0))
    ON CONFLICT DO UPDATE SET volume_kg = volume_kg + excluded.volume_kg;
END;

-- A correction or its undo can lower a record: recompute the row's load and
-- session from the live sets.
CREATE TRIGGER set_best_on_correction AFTER UPDATE OF replaced_by, deleted_at ON set_log
BEGIN
    DELETE FROM set_best
    WHERE exercise_id = NEW.exercise_id AND side = coalesce(NEW.side, 'both')
      AND load_centi = coalesce(NEW.load_centi, 0) AND load_unit = coalesce(NEW.load_unit, '');
    INSERT INTO set_best (exercise_id, side, load_centi, load_unit, sets, reps, hold_ms)
    SELECT NEW.exercise_id, coalesce(NEW.side, 'both'), coalesce(NEW.load_centi, 0), coalesce(NEW.load_unit, ''),
           count(*), max(reps), max(hold_ms)
    FROM live_set
    WHERE exercise_id = NEW.exercise_id AND side IS NEW.side
      AND load_centi IS NEW.load_centi AND load_unit IS NEW.load_unit
    HAVING count(*) > 0;
    UPDATE set_best SET
        reps_set = (SELECT id FROM live_set
                    WHERE exercise_id = NEW.exercise_id AND side IS NEW.side AND load_centi IS NEW.load_centi
                      AND load_unit IS NEW.load_unit AND reps = set_best.reps ORDER BY logged_at, id LIMIT 1),
        hold_set = (SELECT id FROM live_set
                    WHERE exercise_id = NEW.exercise_id AND side IS NEW.side AND load_centi IS NEW.load_centi
                      AND load_unit IS NEW.load_unit AND hold_ms = set_best.hold_ms ORDER BY logged_at, id LIMIT 1)
    WHERE exercise_id = NEW.exercise_id AND side = coalesce(NEW.side, 'both')
      AND load_centi = coalesce(NEW.load_centi, 0) AND load_unit = coalesce(NEW.load_unit, '');
    DELETE FROM session_volume
    WHERE session_id = NEW.session_id AND exercise_id = NEW.exercise_id AND side = coalesce(NEW.side, 'both');
    INSERT INTO session_volume (session_id, exercise_id, side, volume_kg)
    SELECT NEW.session_id, NEW.exercise_id, coalesce(NEW.side, 'both'),
           coalesce(sum(reps * load_centi / 100.0 * iif(load_unit = 'lb', 0.45359237, 1.0)), 0.0)
    FROM live_set
    WHERE session_id = NEW.session_id AND exercise_id = NEW.exercise_id AND side IS NEW.side
    HAVING count(*) > 0;
END;
