-- Corrections never erase a set. Editing a set's numbers inserts the new
-- version and points the old row at it (replaced_by, corrected_at); deleting
-- marks the row (deleted_at). Undo clears the marks. Only live rows count.
ALTER TABLE set_log ADD COLUMN replaced_by INTEGER REFERENCES set_log (id);
ALTER TABLE set_log ADD COLUMN corrected_at TEXT;
ALTER TABLE set_log ADD COLUMN deleted_at TEXT;

CREATE VIEW live_set AS
    SELECT * FROM set_log WHERE replaced_by IS NULL AND deleted_at IS NULL;

-- Per-exercise history (progress charts, last time, recomputing records
-- after a correction) reads only live sets, and finds all it reads in this
-- index. It replaces set_by_exercise, whose every use now reads live sets,
-- so a confirmed set updates no more indexes than before.
CREATE INDEX live_set_by_exercise ON set_log
    (exercise_id, logged_at, session_id, side, reps, load_centi, load_unit, hold_ms)
    WHERE replaced_by IS NULL AND deleted_at IS NULL;
DROP INDEX set_by_exercise;

-- "Was this set corrected?" when a session's sets are listed.
CREATE INDEX set_replaced ON set_log (replaced_by) WHERE replaced_by IS NOT NULL;

-- Personal records stay quick to read over decades of sets: per exercise,
-- side and load, the live sets' count, most reps and longest hold, and the
-- first set that did it. side 'both' for two-limbed sets; load 0 and unit ''
-- for bodyweight and holds. reps_before and hold_before keep the record a new
-- set just beat, so a set just logged can be compared with the sets before
-- it without reading them. Kept by the triggers below.
CREATE TABLE set_best (
    exercise_id INTEGER NOT NULL,
    side        TEXT NOT NULL,
    load_centi  INTEGER NOT NULL,
    load_unit   TEXT NOT NULL,
    sets        INTEGER NOT NULL,
    reps        INTEGER,
    reps_set    INTEGER,
    reps_before INTEGER,
    hold_ms     INTEGER,
    hold_set    INTEGER,
    hold_before INTEGER,
    PRIMARY KEY (exercise_id, side, load_centi, load_unit)
) STRICT, WITHOUT ROWID;

-- Reps × load (kg) per exercise, side and session: the best session's
-- volume is the largest of an exercise-side's rows (one per session). No
-- index on volume_kg: keeping one costs every confirmed set more than the
-- scan of one exercise-side's sessions costs the records screen.
CREATE TABLE session_volume (
    exercise_id INTEGER NOT NULL,
    side        TEXT NOT NULL,
    session_id  INTEGER NOT NULL,
    volume_kg   REAL NOT NULL,
    PRIMARY KEY (exercise_id, side, session_id)
) STRICT, WITHOUT ROWID;


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

-- Databases that already hold sets start with their records computed.
INSERT INTO set_best (exercise_id, side, load_centi, load_unit, sets, reps, hold_ms)
SELECT exercise_id, coalesce(side, 'both'), coalesce(load_centi, 0), coalesce(load_unit, ''),
       count(*), max(reps), max(hold_ms)
FROM live_set GROUP BY exercise_id, side, load_centi, load_unit;
UPDATE set_best SET
    reps_set = (SELECT id FROM live_set l
                WHERE l.exercise_id = set_best.exercise_id AND coalesce(l.side, 'both') = set_best.side
                  AND coalesce(l.load_centi, 0) = set_best.load_centi AND coalesce(l.load_unit, '') = set_best.load_unit
                  AND l.reps = set_best.reps ORDER BY l.logged_at, l.id LIMIT 1),
    hold_set = (SELECT id FROM live_set l
                WHERE l.exercise_id = set_best.exercise_id AND coalesce(l.side, 'both') = set_best.side
                  AND l.hold_ms = set_best.hold_ms ORDER BY l.logged_at, l.id LIMIT 1);
INSERT INTO session_volume (session_id, exercise_id, side, volume_kg)
SELECT session_id, exercise_id, coalesce(side, 'both'),
       coalesce(sum(reps * load_centi / 100.0 * iif(load_unit = 'lb', 0.45359237, 1.0)), 0.0)
FROM live_set GROUP BY session_id, exercise_id, side;
