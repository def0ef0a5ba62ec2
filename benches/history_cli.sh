#!/usr/bin/env bash
# `runstrong history --weeks 52 --format json` end to end against the sqlite3
# shell computing the same weekly totals on the same file, and peak memory
# of the CLI and of the app showing history. Needs hyperfine, sqlite3, tmux
# and GNU time. Databases come from the generator (docs/PERFORMANCE.md).
#
#   cargo build --release && benches/history_cli.sh /tmp/h10k.db /tmp/h100k.db /tmp/h1m.db
set -euo pipefail
bin=${RUNSTRONG_BIN:-target/release/runstrong}
# Monday of the week 51 weeks before this one: the oldest of the 52 weeks.
since=$(date -u -d "$(date -u +%F) -$(( $(date -u +%u) - 1 )) days -51 weeks" +%F)
sql=$(mktemp)
trap 'rm -f "$sql"' EXIT
# The same live sets, weeks and totals as `--detail weeks` (UTC weeks: run with TZ=UTC).
cat > "$sql" <<SQL
SELECT date(s.started_at, '-6 days', 'weekday 1') AS week_start,
       count(DISTINCT s.id) AS sessions, count(l.id) AS sets, sum(l.reps) AS reps,
       round(sum(l.reps * l.load_centi / 100.0 * CASE l.load_unit WHEN 'lb' THEN 0.45359237 ELSE 1.0 END), 2)
         AS load_moved_kg,
       sum(l.hold_ms) / 1000.0 AS held_seconds
FROM session s CROSS JOIN set_log l ON l.session_id = s.id
WHERE s.started_at >= '$since' AND l.replaced_by IS NULL AND l.deleted_at IS NULL
GROUP BY week_start ORDER BY week_start DESC;
SQL
export TZ=UTC
for db in "$@"; do
  echo "== $db"
  hyperfine -N --warmup 3 --runs 30 \
    "$bin --db $db history --weeks 52 --format json" \
    "$bin --db $db history --weeks 52 --format json --detail weeks" \
    "sqlite3 -json file:$db?mode=ro -cmd '.read $sql' .quit"
  /usr/bin/time -f "peak memory, history --weeks 52 --format json: %M KB" \
    "$bin" --db "$db" history --weeks 52 --format json > /dev/null
  # The app: open History, a week, a session, then Lunge progress over all time.
  copy=$(mktemp -d)/h.db
  cp "$db" "$copy"
  tmux kill-session -t histmem 2>/dev/null || true
  tmux new-session -d -s histmem -x 120 -y 40 \
    "/usr/bin/time -f 'peak memory, app: %M KB' -o $copy.mem $bin --db $copy"
  sleep 1.5
  tmux send-keys -t histmem Down Enter; sleep 1
  tmux send-keys -t histmem Enter; sleep 0.5
  tmux send-keys -t histmem Enter; sleep 0.5
  tmux send-keys -t histmem Down Down Down Down Down Down Down Down Down Down r; sleep 1
  tmux send-keys -t histmem Right Right; sleep 2
  tmux send-keys -t histmem Escape Escape Escape Escape Escape; sleep 0.5
  tmux send-keys -t histmem q; sleep 1
  cat "$copy.mem"
  rm -rf "$(dirname "$copy")"
done
