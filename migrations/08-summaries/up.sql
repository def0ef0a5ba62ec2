-- Records and charts read three summaries that one piece of Rust code writes
-- (src/store/summaries/), for a set logged, a correction, an import and
-- this upgrade alike. Migrations 04 and 05 kept others with triggers, whose
-- correction half read the exercise's whole history; they go, with the
-- tables they wrote and the covering index that only they and the charts read.
DROP TRIGGER set_best_on_insert;
DROP TRIGGER set_best_on_correction;
DROP TABLE set_best;
DROP TABLE session_volume;
DROP INDEX live_set_by_exercise;

-- Per exercise, side, load and session: the best of the session's live sets
-- there (none for sets with neither reps nor a hold). side 'both' for
-- two-limbed sets; load 0 and unit '' for bodyweight and holds. Keyed by
-- load first, so that recomputing one load's all-time row after a
-- correction reads that load's sessions only. For most reps and longest
-- hold: the value, the first set that reached it (by time, then id), and
-- the best of the other sets (second), so that merging two summaries keeps
-- both exact. No totals: a row changes only when a set enters its top two.
CREATE TABLE session_best (
    exercise_id  INTEGER NOT NULL,
    side         TEXT NOT NULL,
    load_centi   INTEGER NOT NULL,
    load_unit    TEXT NOT NULL,
    session_id   INTEGER NOT NULL,
    reps_max     INTEGER,
    reps_set     INTEGER,
    reps_at      TEXT,
    reps_second  INTEGER,
    hold_ms      INTEGER,
    hold_set     INTEGER,
    hold_at      TEXT,
    hold_second  INTEGER,
    PRIMARY KEY (exercise_id, side, load_centi, load_unit, session_id)
) STRICT, WITHOUT ROWID;

-- Per exercise, session start, session and side: what the chart draws and
-- the best session volume, from the session's live sets there. Keyed
-- by start, so a chart reads one small row per session and side of its span.
-- Volume in hundredths per unit (summed exactly, converted once); heaviest
-- load and best estimated one-rep max in kg (NULL without a load or reps).
CREATE TABLE session_chart (
    exercise_id  INTEGER NOT NULL,
    started_at   TEXT NOT NULL,
    session_id   INTEGER NOT NULL,
    side         TEXT NOT NULL,
    sets         INTEGER NOT NULL,
    first_at     TEXT NOT NULL,
    reps         INTEGER NOT NULL,
    kg_centi     INTEGER NOT NULL,
    lb_centi     INTEGER NOT NULL,
    heaviest_kg  REAL,
    e1rm_kg      REAL,
    hold_ms      INTEGER,
    PRIMARY KEY (exercise_id, started_at, session_id, side)
) STRICT, WITHOUT ROWID;

-- Per exercise, side and load, all time: session_best's rows merged. A new
-- set rewrites its row only when it beats what the row holds.
CREATE TABLE load_best (
    exercise_id  INTEGER NOT NULL,
    side         TEXT NOT NULL,
    load_centi   INTEGER NOT NULL,
    load_unit    TEXT NOT NULL,
    reps_max     INTEGER,
    reps_set     INTEGER,
    reps_at      TEXT,
    reps_session INTEGER,
    reps_second  INTEGER,
    hold_ms      INTEGER,
    hold_set     INTEGER,
    hold_at      TEXT,
    hold_session INTEGER,
    hold_second  INTEGER,
    PRIMARY KEY (exercise_id, side, load_centi, load_unit)
) STRICT, WITHOUT ROWID;

-- Cardio sets (no reps, no hold: a run's distance and time) by exercise and
-- time, for the cardio chart and records, which no summary holds: a runner
-- logs a handful a week, so the index stays small and costs the other sets
-- nothing.
CREATE INDEX cardio_set ON set_log
    (exercise_id, logged_at, session_id, distance_centi, distance_unit, duration_ms)
    WHERE reps IS NULL AND hold_ms IS NULL AND replaced_by IS NULL AND deleted_at IS NULL;
