# Shared pieces of the benchmark scripts: start/stop jars, wait for HTTP, run wrk, medians.
# Everything listens on 127.0.0.1; every process started is stopped on exit.

BENCH_PIDS=()

bench_cleanup() {
	for pid in "${BENCH_PIDS[@]}"; do
		kill "$pid" 2> /dev/null || true
	done
	for pid in "${BENCH_PIDS[@]}"; do
		wait "$pid" 2> /dev/null || true
	done
}

# start_jar LOG JAR [ARGS...] -> sets STARTED_PID, STARTED_AT_NS
start_jar() {
	local log="$1" jar="$2"
	shift 2
	STARTED_AT_NS=$(date +%s%N)
	java ${BENCH_JVM_FLAGS:-} -jar "$jar" "$@" > "$log" 2>&1 &
	STARTED_PID=$!
	BENCH_PIDS+=("$STARTED_PID")
}

# wait_http URL [SECONDS] -> prints nanoseconds when it first answered 200
wait_http() {
	local url="$1" limit="${2:-120}" deadline
	deadline=$(($(date +%s) + limit))
	until curl -fs -o /dev/null "$url"; do
		(($(date +%s) < deadline)) || { echo "no 200 from $url" >&2; return 1; }
		sleep 0.02
	done
	date +%s%N
}

stop_pid() {
	kill "$1" 2> /dev/null || true
	wait "$1" 2> /dev/null || true
}

rss_mib() {
	awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"
}

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# wrk_load URL SECONDS -> wrk's output, with the bench's threads and connections
wrk_load() {
	wrk -t"${WRK_THREADS:-1}" -c"${WRK_CONNECTIONS:-16}" -d"$2"s --latency "$1"
}

# wrk_stats WRK_OUTPUT -> "RPS P99_MS"
wrk_stats() {
	local rps p99
	rps=$(awk '/^Requests\/sec:/ { print $2 }' <<< "$1")
	p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 } print v }' <<< "$1")
	echo "$rps $p99"
}

# wrk_errors WRK_OUTPUT -> failed requests: non-2xx/3xx answers plus socket errors
wrk_errors() {
	awk '/Non-2xx or 3xx responses:/ { n += $NF }
		/Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 }
		END { print n + 0 }' <<< "$1"
}

wrk_requests() {
	awk '/requests in/ { print $1 }' <<< "$1"
}

# wrk_run URL SECONDS -> prints "RPS P99_MS"
wrk_run() {
	wrk_stats "$(wrk_load "$1" "$2")"
}

median() {
	sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# in_turn ROUND NAME... -> the names in order on odd rounds, reversed on even ones, so that
# no app is always measured first
in_turn() {
	local round="$1"
	shift
	if ((round % 2)); then
		echo "$@"
	else
		local reversed=() name
		for name in "$@"; do reversed=("$name" "${reversed[@]}"); done
		echo "${reversed[@]}"
	fi
}

# col_median FILE COLUMN -> median of one column
col_median() {
	cut -d' ' -f"$2" "$1" | median
}

# pairs FILE_A FILE_B COLUMN -> "A B" per line: one column of each file, line by line
# (the same round)
pairs() {
	paste -d' ' <(cut -d' ' -f"$3" "$1") <(cut -d' ' -f"$3" "$2")
}

# paired_ratio FILE_A FILE_B COLUMN -> median over the lines of A's value / B's value
paired_ratio() {
	pairs "$@" | awk '{ printf "%.4f\n", $1 / $2 }' | median | awk '{ printf "%.3f", $1 }'
}

# paired_difference FILE_A FILE_B COLUMN -> median over the lines of A's value - B's value
paired_difference() {
	pairs "$@" | awk '{ printf "%.4f\n", $1 - $2 }' | median | awk '{ printf "%.1f", $1 }'
}

# target VALUE OP LIMIT [UNIT] -> "target OP LIMIT: met" or "... not met" (OP is >=, <= or ==)
target() {
	awk -v v="$1" -v op="$2" -v t="$3" -v unit="${4:-}" 'BEGIN {
		ok = (op == ">=") ? (v + 0 >= t + 0) : (op == "<=") ? (v + 0 <= t + 0) : (v == t)
		printf "target %s %s%s: %s", op, t, unit, ok ? "met" : "not met"
	}'
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'
}

# cpu_ms PID -> CPU time (user + system) the process has used, in milliseconds
cpu_ms() {
	awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"
}

# tree_cpu_ms PID -> CPU time of PID and its children (nginx: the master and its workers)
tree_cpu_ms() {
	local total child
	total=$(cpu_ms "$1")
	for child in $(cat "/proc/$1/task/$1/children" 2> /dev/null); do
		total=$((total + $(cpu_ms "$child")))
	done
	echo "$total"
}

# wrk_cpu URL SECONDS PID... -> prints "RPS P99_MS CPU_US_PER_REQUEST..." with one CPU
# figure per PID (and its children): the servers' CPU per request is steadier than
# throughput on a machine that other work shares.
wrk_cpu() {
	local url="$1" seconds="$2" pid out requests line i=0
	shift 2
	local before=()
	for pid in "$@"; do before+=("$(tree_cpu_ms "$pid")"); done
	out=$(wrk_load "$url" "$seconds")
	requests=$(wrk_requests "$out")
	line=$(wrk_stats "$out")
	for pid in "$@"; do
		line+=" $(awk -v c=$(($(tree_cpu_ms "$pid") - before[i])) -v n="$requests" 'BEGIN { printf "%.1f", c * 1000 / n }')"
		i=$((i + 1))
	done
	echo "$line"
}
