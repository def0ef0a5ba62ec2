-- A session's plan keeps whether a hold is done with a load (a routine's
-- `weighted = true`), so a resumed weighted hold still asks for its load.
-- set_log needs nothing: its load columns already sit beside hold_ms.
ALTER TABLE session_exercise ADD COLUMN weighted INTEGER NOT NULL DEFAULT 0 CHECK (weighted = 0 OR weighted = 1);
