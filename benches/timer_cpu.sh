#!/usr/bin/env bash
# What a running hold timer costs on the real binary: CPU and peak memory.
#
# Starts the release binary in a detached tmux terminal at 80x24 with a
# fresh database in a temporary directory, walks to the Copenhagen plank,
# starts a hold (Space: get ready, Space: hold now), then samples the
# process's CPU time before and after SECONDS of holding, and reads its peak
# resident memory. It also counts how often the process's threads woke up
# (voluntary context switches), which shows whether the event loop sleeps
# until the next visible change or polls. Then it quits (q, y).
#
# Usage: cargo build --release && benches/timer_cpu.sh [SECONDS]   (default 60)
# Needs: Linux (/proc), tmux. RUNSTRONG_BIN overrides the binary's path.
# Goals (issue 3): under 0.5% of one core; peak RSS under 20 MB.
set -euo pipefail
cd "$(dirname "$0")/.."

secs=${1:-60}
bin=$(realpath "${RUNSTRONG_BIN:-target/release/runstrong}")
[[ -x $bin ]] || {
    echo "no binary at $bin: run cargo build --release first" >&2
    exit 1
}
tmp=$(mktemp -d)
tui=runstrong-timer-cpu-$$
cleanup() {
    tmux kill-session -t "$tui" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT

screen() { tmux capture-pane -p -t "$tui"; }
keys() { tmux send-keys -t "$tui" "$@"; }
wait_for() {
    local i
    for ((i = 0; i < 200; i++)); do
        screen | grep -qF -- "$1" && return 0
        sleep 0.05
    done
    echo "timed out waiting for '$1'; the screen:" >&2
    screen >&2
    exit 1
}

# exec: the pane's process is runstrong itself, not a shell around it.
tmux new-session -d -s "$tui" -x 80 -y 24 \
    "exec env RUNSTRONG_DB='$tmp/runstrong.db' HOME='$tmp' XDG_DATA_HOME='$tmp/data' '$bin'"
pid=$(tmux display-message -p -t "$tui" '#{pane_pid}')

wait_for "Start Strength for runners"
keys Enter
wait_for "1/7 Strength for runners"
keys l l l l l l
wait_for "7/7 Strength for runners"
wait_for "Space get ready"
keys Space
wait_for "GET READY"
keys Space
wait_for "HOLD · LEFT"

# utime + stime of all threads, in clock ticks: fields 14 and 15 of
# /proc/PID/stat, counted after the ")" that ends the command name.
cpu_ticks() { sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}'; }
# Nanoseconds on the CPU, summed over threads: finer than clock ticks.
cpu_ns() { cat /proc/"$pid"/task/*/schedstat | awk '{s += $1} END {print s}'; }
wakeups() { awk '/^voluntary_ctxt_switches/ {s += $2} END {print s}' /proc/"$pid"/task/*/status; }
now_ns() { date +%s%N; }

t0=$(now_ns) c0=$(cpu_ticks) n0=$(cpu_ns) w0=$(wakeups)
sleep "$secs"
t1=$(now_ns) c1=$(cpu_ticks) n1=$(cpu_ns) w1=$(wakeups)
shown=$(screen)
hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
threads=$(ls "/proc/$pid/task" | wc -l)

grep -qE "TARGET REACHED · LEFT|HOLD · LEFT" <<<"$shown" || {
    echo "the hold is no longer running; the screen:" >&2
    echo "$shown" >&2
    exit 1
}
hz=$(getconf CLK_TCK)
awk -v t0="$t0" -v t1="$t1" -v c0="$c0" -v c1="$c1" -v n0="$n0" -v n1="$n1" \
    -v w0="$w0" -v w1="$w1" -v hz="$hz" -v hwm="$hwm" -v rss="$rss" -v threads="$threads" 'BEGIN {
    wall = (t1 - t0) / 1e9
    printf "hold timer running for %.1f s (%d threads, clock %d Hz)\n", wall, threads, hz
    printf "cpu (utime+stime):  %d ticks = %.3f s = %.3f%% of one core\n", c1 - c0, (c1 - c0) / hz, 100 * (c1 - c0) / hz / wall
    printf "cpu (schedstat):    %.1f ms = %.4f%% of one core\n", (n1 - n0) / 1e6, 100 * (n1 - n0) / 1e9 / wall
    printf "wakeups:            %d = %.2f per second\n", w1 - w0, (w1 - w0) / wall
    printf "peak RSS (VmHWM):   %.1f MB (%d kB); now %d kB\n", hwm / 1024, hwm, rss
}'

keys q
wait_for "Quit?"
keys y
for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || exit 0
    sleep 0.05
done
echo "runstrong did not exit after q, y" >&2
exit 1
