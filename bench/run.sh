#!/usr/bin/env bash
# Runs every benchmark once and writes bench/RESULTS.md: medians and ratios against
# bench/baseline-app (plain Spring Boot, no starter). Loopback only; stops what it starts;
# under 10 minutes on 2 cores.
#
#   bench/run.sh            all figures
#   BENCH_ONLY="overhead startup" bench/run.sh   some of: reload overhead nginx startup shutdown scan
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
source bench/nginx.sh
trap bench_cleanup EXIT

ONLY="${BENCH_ONLY:-reload overhead nginx startup shutdown scan}"
OUT=bench/out
mkdir -p "$OUT"
RESULTS=()
COMMANDS=()
DEMO=demo-app/target/demo-app.jar
BASE=bench/baseline-app/target/baseline-app.jar
BENCH_JVM_FLAGS="${BENCH_JVM_FLAGS:--Xmx512m -Xms512m}"
export BENCH_JVM_FLAGS

wants() { [[ " $ONLY " == *" $1 "* ]]; }
summary() { echo "SUMMARY $1" | tee -a "$OUT/summary.txt"; RESULTS+=("$1"); }

build() {
	# What the figures run: the demo and the modules it installs from (the samples are not
	# benchmarked).
	./mvnw -q -B -DskipTests install -pl demo-app -am
	./mvnw -q -B -f bench/baseline-app/pom.xml -DskipTests package
}

bench_reload() {
	COMMANDS+=("bench/dev-reload.sh 5 1 am (the quick start, -am; 5 javac handler edits, 5 javac edits that restart, 1 Maven compile of each kind; bench/dev-reload.sh alone also measures the start over installed modules)")
	local line ms target
	SKIP_INSTALL=1 bench/dev-reload.sh 5 1 am > "$OUT/reload.txt" 2>&1
	while IFS= read -r line; do
		ms=$(echo "$line" | sed -E 's/.*: median ([0-9]+) ms.*/\1/')
		case "$line" in
			*"javac handler edit"*) target=" ($(target "$ms" "<=" 100 " ms"))" ;;
			*"javac restart edit"*) target=" ($(target "$ms" "<=" 600 " ms"))" ;;
			*) target="" ;;
		esac
		summary "${line}${target}"
	done < <(grep "^dev reload:" "$OUT/reload.txt")
}

# Prod overhead: same JVM flags and wrk settings, both warmed up, then short runs in
# alternating order; each figure is the median of the per-pair ratios, which the drift of
# a shared machine affects far less than the ratio of two medians.
bench_overhead() {
	local demo_port quiet_port base_port same_port
	demo_port=$(free_port)
	quiet_port=$(free_port)
	base_port=$(free_port)
	same_port=$(free_port)
	# The demo as a user gets it (access log on, to the log file), and the same with the
	# access log off, labelled as such.
	start_jar "$OUT/overhead-demo.log" "$DEMO" --server.port="$demo_port" \
		--server-profiles.prod.allowed-hosts=127.0.0.1
	local demo_pid=$STARTED_PID
	start_jar "$OUT/overhead-quiet.log" "$DEMO" --server.port="$quiet_port" \
		--server-profiles.prod.allowed-hosts=127.0.0.1 --server-profiles.access-log.enabled=false
	local quiet_pid=$STARTED_PID
	start_jar "$OUT/overhead-base.log" "$BASE" --server.port="$base_port"
	local base_pid=$STARTED_PID
	wait_http "http://127.0.0.1:$demo_port/api/hello" > /dev/null
	wait_http "http://127.0.0.1:$quiet_port/api/hello" > /dev/null
	wait_http "http://127.0.0.1:$base_port/api/hello" > /dev/null
	# The baseline once more, sending the demo's security headers from a plain filter:
	# what the headers' bytes cost, apart from the starter's filters.
	local headers
	mapfile -t headers < <(curl -sI "http://127.0.0.1:$demo_port/api/hello" | tr -d '\r' \
		| grep -iE '^(content-security-policy|x-content-type-options|x-frame-options|referrer-policy|permissions-policy|cross-origin-opener-policy|cross-origin-resource-policy):' \
		| sed -E 's/^([^:]+): (.*)$/--baseline.headers[\1]=\2/')
	start_jar "$OUT/overhead-same-headers.log" "$BASE" --server.port="$same_port" "${headers[@]}"
	local same_pid=$STARTED_PID
	# And with an access log as well, through Tomcat's own AccessLogValve (buffered) to
	# stdout, as Boot's documentation shows: the baseline that does the demo's work.
	local logged_port
	logged_port=$(free_port)
	start_jar "$OUT/overhead-logged.log" "$BASE" --server.port="$logged_port" "${headers[@]}" \
		--server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory=/dev \
		--server.tomcat.accesslog.prefix=stdout --server.tomcat.accesslog.suffix= \
		--server.tomcat.accesslog.file-date-format= --server.tomcat.accesslog.rotate=false
	local logged_pid=$STARTED_PID
	wait_http "http://127.0.0.1:$same_port/api/hello" > /dev/null
	wait_http "http://127.0.0.1:$logged_port/api/hello" > /dev/null
	local name round
	for name in demo quiet base same logged; do
		: > "$OUT/overhead-$name.txt"
	done
	# The demo has more code for the JIT to compile than the baseline: on two cores shared
	# with wrk it takes 25-30 s of load to reach its steady speed; the baseline about 15 s.
	wrk_run "http://127.0.0.1:$demo_port/api/hello" 25 > /dev/null
	wrk_run "http://127.0.0.1:$quiet_port/api/hello" 25 > /dev/null
	wrk_run "http://127.0.0.1:$base_port/api/hello" 20 > /dev/null
	wrk_run "http://127.0.0.1:$same_port/api/hello" 15 > /dev/null
	wrk_run "http://127.0.0.1:$logged_port/api/hello" 15 > /dev/null
	for round in 1 2 3 4; do
		for name in $(in_turn "$round" base same logged demo quiet); do
			case $name in
				demo) wrk_cpu "http://127.0.0.1:$demo_port/api/hello" 4 "$demo_pid" >> "$OUT/overhead-demo.txt" ;;
				quiet) wrk_cpu "http://127.0.0.1:$quiet_port/api/hello" 4 "$quiet_pid" >> "$OUT/overhead-quiet.txt" ;;
				base) wrk_cpu "http://127.0.0.1:$base_port/api/hello" 4 "$base_pid" >> "$OUT/overhead-base.txt" ;;
				same) wrk_cpu "http://127.0.0.1:$same_port/api/hello" 4 "$same_pid" >> "$OUT/overhead-same.txt" ;;
				logged) wrk_cpu "http://127.0.0.1:$logged_port/api/hello" 4 "$logged_pid" >> "$OUT/overhead-logged.txt" ;;
			esac
		done
	done
	stop_pid "$demo_pid"
	stop_pid "$quiet_pid"
	stop_pid "$base_pid"
	stop_pid "$same_pid"
	stop_pid "$logged_pid"
	local demo=$OUT/overhead-demo.txt quiet=$OUT/overhead-quiet.txt base=$OUT/overhead-base.txt same=$OUT/overhead-same.txt
	local logged=$OUT/overhead-logged.txt
	COMMANDS+=("wrk -t${WRK_THREADS:-1} -c${WRK_CONNECTIONS:-16} -d4s --latency http://127.0.0.1:PORT/api/hello (4 rounds in alternating order, after 25 s of warm-up for the demo, 15-20 s for the baseline; server CPU from /proc)")
	local throughput p99 cpu
	throughput=$(paired_ratio "$demo" "$base" 1)
	p99=$(paired_ratio "$demo" "$base" 2)
	cpu=$(paired_ratio "$demo" "$base" 3)
	summary "prod overhead (defaults, access log on): $(col_median "$demo" 1) vs $(col_median "$base" 1) req/s = ${throughput}x throughput ($(target "$throughput" ">=" 0.90 x)); p99 $(col_median "$demo" 2) vs $(col_median "$base" 2) ms = ${p99}x ($(target "$p99" "<=" 1.10 x)); server CPU per request $(col_median "$demo" 3) vs $(col_median "$base" 3) us = ${cpu}x ($(target "$cpu" "<=" 1.15 x))"
	local against
	against=$(paired_ratio "$demo" "$logged" 1)
	summary "prod overhead (defaults) against the baseline sending the same headers and writing an access log through Tomcat's AccessLogValve to stdout: ${against}x throughput ($(target "$against" ">=" 1.00 x)), $(paired_ratio "$demo" "$logged" 3)x server CPU per request"
	local log_cost
	# The demo with and without its log ran in the same rounds: the median of each round's
	# difference, which a round's drift moves less than the difference of two medians.
	log_cost=$(paired_difference "$demo" "$quiet" 3)
	summary "prod overhead with the access log off (not the default): $(paired_ratio "$quiet" "$base" 1)x throughput, p99 $(paired_ratio "$quiet" "$base" 2)x, server CPU per request $(col_median "$quiet" 3) vs $(col_median "$base" 3) us = $(paired_ratio "$quiet" "$base" 3)x; the access log costs ${log_cost} us of CPU per request ($(target "$log_cost" "<=" 5 " us"))"
	summary "prod overhead against the baseline sending the same security headers from a plain filter: $(paired_ratio "$demo" "$same" 1)x throughput, $(paired_ratio "$demo" "$same" 3)x server CPU per request (the headers' bytes alone: $(paired_ratio "$same" "$base" 1)x throughput)"
}

# Startup to first 200, and RSS after warm-up; also with the Dockerfile's JVM flags. The
# two apps start in turns, in alternating order, and the ratios are medians of the pairs.
bench_startup() {
	local flags_label
	# (The container's own start, with its start cache, is bench/container-start.sh's.)
	for flags_label in default; do
		local saved="$BENCH_JVM_FLAGS"
		if [[ $flags_label == container ]]; then
			BENCH_JVM_FLAGS="$(container_flags)"
		fi
		: > "$OUT/startup-demo-$flags_label.txt"
		: > "$OUT/startup-base-$flags_label.txt"
		local round name
		for round in 1 2 3; do
			for name in $(in_turn "$round" demo base); do
				local jar port ready
				jar=$([[ $name == demo ]] && echo "$DEMO" || echo "$BASE")
				port=$(free_port)
				start_jar "$OUT/startup-$name.log" "$jar" --server.port="$port" \
					--server-profiles.prod.allowed-hosts=127.0.0.1
				ready=$(wait_http "http://127.0.0.1:$port/api/hello")
				wrk_run "http://127.0.0.1:$port/api/hello" 2 > /dev/null
				echo "$(((ready - STARTED_AT_NS) / 1000000)) $(rss_mib "$STARTED_PID")" >> "$OUT/startup-$name-$flags_label.txt"
				stop_pid "$STARTED_PID"
			done
		done
		BENCH_JVM_FLAGS="$saved"
		local demo=$OUT/startup-demo-$flags_label.txt base=$OUT/startup-base-$flags_label.txt
		local first rss
		first=$(paired_ratio "$demo" "$base" 1)
		rss=$(paired_ratio "$demo" "$base" 2)
		summary "startup ($flags_label JVM flags): first 200 after $(col_median "$demo" 1) vs $(col_median "$base" 1) ms = ${first}x ($(target "$first" "<=" 1.05 x)); RSS after warm-up $(col_median "$demo" 2) vs $(col_median "$base" 2) MiB = ${rss}x ($(target "$rss" "<=" 1.10 x))"
	done
}

container_flags() {
	# The JVM's memory flags the Dockerfile gives the app, so the figure follows the
	# Dockerfile. Its start cache belongs to the image (bench/container-start.sh measures it).
	local flags
	flags=$(grep -oE -- '-XX:[A-Za-z]*RAMPercentage=[0-9.]+|-Xss[0-9a-z]+' deploy/docker/Dockerfile 2> /dev/null | sort -u | tr '\n' ' ')
	echo "${flags:--XX:MaxRAMPercentage=75.0}"
}

# Through nginx (HTTPS, the rendered template) against the app directly, in alternating
# rounds like the overhead figure. Two bare nginx (TLS and keepalive only) run in the same
# rounds: what any nginx in front costs here, apart from what the template adds. One logs
# as nginx does by default (the combined format, a write per request), the other not at all.
bench_nginx() {
	local port http https stock quiet
	port=$(free_port)
	http=$(free_port)
	https=$(free_port)
	stock=$(free_port)
	quiet=$(free_port)
	start_jar "$OUT/nginx-demo.log" "$DEMO" --server.port="$port"
	local pid=$STARTED_PID
	wait_http "http://127.0.0.1:$port/api/hello" > /dev/null
	start_proxied_nginx "$OUT/nginx" "$http" "$https" "127.0.0.1:$port"
	local certs
	certs=$(dirname "$NGINX_CA")
	start_bare_nginx "$OUT/nginx-stock" "$stock" "127.0.0.1:$port" "$certs"
	local stock_pid=$BARE_NGINX_PID
	start_bare_nginx "$OUT/nginx-quiet" "$quiet" "127.0.0.1:$port" "$certs" off
	local quiet_pid=$BARE_NGINX_PID
	wrk_run "http://127.0.0.1:$port/api/hello" 10 > /dev/null
	wrk_run "https://localhost:$https/api/hello" 6 > /dev/null
	wrk_run "https://localhost:$stock/api/hello" 4 > /dev/null
	wrk_run "https://localhost:$quiet/api/hello" 4 > /dev/null
	local round name
	for name in direct proxied stock quiet; do
		: > "$OUT/nginx-$name.txt"
	done
	for round in 1 2 3 4; do
		for name in $(in_turn "$round" direct proxied stock quiet); do
			case $name in
				direct) wrk_cpu "http://127.0.0.1:$port/api/hello" 4 "$pid" "$NGINX_PID" >> "$OUT/nginx-direct.txt" ;;
				proxied) wrk_cpu "https://localhost:$https/api/hello" 4 "$pid" "$NGINX_PID" >> "$OUT/nginx-proxied.txt" ;;
				stock) wrk_cpu "https://localhost:$stock/api/hello" 4 "$pid" "$stock_pid" >> "$OUT/nginx-stock.txt" ;;
				quiet) wrk_cpu "https://localhost:$quiet/api/hello" 4 "$pid" "$quiet_pid" >> "$OUT/nginx-quiet.txt" ;;
			esac
		done
	done
	stop_pid "$quiet_pid"
	stop_pid "$stock_pid"
	stop_pid "$NGINX_PID"
	stop_pid "$pid"
	COMMANDS+=("wrk ... https://localhost:PORT/api/hello through the rendered nginx (TLS, keepalive upstream) and through two bare nginx (TLS, keepalive upstream, nothing else; nginx's default access log, or none) vs http://127.0.0.1:PORT/api/hello direct (4 rounds in alternating order)")
	local proxied=$OUT/nginx-proxied.txt direct=$OUT/nginx-direct.txt stock=$OUT/nginx-stock.txt quiet=$OUT/nginx-quiet.txt
	local through versus_stock cpu_stock versus_quiet cpu_quiet
	through=$(paired_ratio "$proxied" "$direct" 1)
	versus_stock=$(paired_ratio "$proxied" "$stock" 1)
	cpu_stock=$(paired_ratio "$proxied" "$stock" 4)
	versus_quiet=$(paired_ratio "$proxied" "$quiet" 1)
	cpu_quiet=$(paired_ratio "$proxied" "$quiet" 4)
	summary "through the rendered nginx (HTTPS, defaults: JSON access log on) against a bare nginx in the same rounds (TLS and keepalive upstream, and nginx's default access log: combined format, a write per request; no limits, request ids or forwarded headers): $(col_median "$proxied" 1) vs $(col_median "$stock" 1) req/s = ${versus_stock}x ($(target "$versus_stock" ">=" 0.95 x)); nginx CPU per request $(col_median "$proxied" 4) vs $(col_median "$stock" 4) us = ${cpu_stock}x ($(target "$cpu_stock" "<=" 1.10 x))"
	summary "through the rendered nginx against a bare nginx with its access log off (not nginx's default), for information: ${versus_quiet}x throughput, nginx CPU per request $(col_median "$proxied" 4) vs $(col_median "$quiet" 4) us = ${cpu_quiet}x"
	summary "through nginx, for information: $(col_median "$proxied" 1) req/s vs $(col_median "$direct" 1) direct = ${through}x (two shared cores: TLS alone takes a third); CPU per request: app $(col_median "$proxied" 3) us behind nginx vs $(col_median "$direct" 3) us direct"
}

# SIGTERM under load. Direct: one instance, the load ends inside the drain (with drain) or
# runs on past the shutdown (without). Behind nginx: two instances, rolling restart.
bench_shutdown() {
	local port out lost total
	for drain in 5s 0s; do
		port=$(free_port)
		start_jar "$OUT/shutdown-direct.log" "$DEMO" --server.port="$port" \
			--server-profiles.prod.drain-delay="$drain"
		local pid=$STARTED_PID
		wait_http "http://127.0.0.1:$port/api/hello" > /dev/null
		(sleep 1 && kill -TERM "$pid") &
		out=$(wrk -t1 -c8 -d4s "http://127.0.0.1:$port/api/hello" 2>&1 || true)
		echo "$out" > "$OUT/shutdown-direct-$drain.txt"
		wait "$pid" 2> /dev/null || true
		lost=$(wrk_errors "$out")
		total=$(wrk_requests "$out")
		summary "shutdown direct, one instance, drain $drain: $lost failed, $total answered (SIGTERM 1s into a 4s load; failures count every refused connection attempt)"
	done
	local a b http https
	a=$(free_port)
	b=$(free_port)
	http=$(free_port)
	https=$(free_port)
	start_jar "$OUT/shutdown-a.log" "$DEMO" --server.port="$a" --server-profiles.prod.drain-delay=3s
	local pid_a=$STARTED_PID
	start_jar "$OUT/shutdown-b.log" "$DEMO" --server.port="$b" --server-profiles.prod.drain-delay=3s
	local pid_b=$STARTED_PID
	wait_http "http://127.0.0.1:$a/readyz" > /dev/null
	wait_http "http://127.0.0.1:$b/readyz" > /dev/null
	start_proxied_nginx "$OUT/rolling" "$http" "$https" "127.0.0.1:$a,127.0.0.1:$b"
	# Long enough for both restarts (3 s + 2 x (drain, start, 6 s)) with room to spare.
	wrk -t1 -c8 -d50s "https://localhost:$https/api/hello" > "$OUT/rolling-wrk.txt" 2>&1 &
	local wrk_pid=$!
	sleep 3
	rolling_restart "$pid_a" "$a" a
	pid_a=$STARTED_PID
	rolling_restart "$pid_b" "$b" b
	pid_b=$STARTED_PID
	wait "$wrk_pid" || true
	out=$(cat "$OUT/rolling-wrk.txt")
	summary "rolling restart of 2 instances behind nginx under load: $(wrk_errors "$out") of $(wrk_requests "$out") requests failed ($(target "$(wrk_errors "$out")" "==" 0))"
	stop_pid "$NGINX_PID"
	stop_pid "$pid_a"
	stop_pid "$pid_b"
}

# rolling_restart PID PORT NAME -> sets STARTED_PID; waits until the instance is back and
# nginx has had time to send it traffic again (its fail_timeout is 5s).
rolling_restart() {
	kill -TERM "$1"
	wait "$1" 2> /dev/null || true
	start_jar "$OUT/shutdown-$3-again.log" "$DEMO" --server.port="$2" --server-profiles.prod.drain-delay=3s
	wait_http "http://127.0.0.1:$2/readyz" > /dev/null
	sleep 6
}

bench_scan() {
	COMMANDS+=("bench/observatory.sh")
	local line
	line=$(bench/observatory.sh 2>&1 | tee "$OUT/observatory.txt" | grep "^observatory:")
	local grade
	grade=$(echo "$line" | sed -E 's/.*grade ([A-F][+-]?).*/\1/')
	summary "security scan (MDN HTTP Observatory, demo behind the rendered nginx over TLS): ${line#observatory: } ($(target "$grade" "==" A+))"
}

write_results() {
	{
		echo "# Benchmark results"
		echo
		echo "Written by \`bench/run.sh\` on $(date -u +%Y-%m-%d). Ratios are server-profiles' demo app"
		echo "over \`bench/baseline-app\` (the same endpoints on plain Spring Boot $(grep -A2 '<artifactId>spring-boot-starter-parent' bench/baseline-app/pom.xml | grep -m1 -oE '4\.[0-9]+\.[0-9]+')) unless the line says otherwise."
		echo
		echo "## Machine"
		echo
		echo "- $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
		echo "- $(java -version 2>&1 | head -1)"
		echo "- $(wrk --version 2>&1 | head -1 | cut -c1-60)"
		echo "- JVM flags for both apps: \`$BENCH_JVM_FLAGS\`"
		echo
		echo "## Medians"
		echo
		for line in "${RESULTS[@]}"; do
			echo "- $line"
		done
		echo
		echo "## Commands"
		echo
		for command in "${COMMANDS[@]}"; do
			echo "- \`$command\`"
		done
		echo
		echo "Raw numbers of this run: \`bench/out/\` (not committed)."
		[[ -f bench/NOTES.md ]] && { echo; cat bench/NOTES.md; }
	} > bench/RESULTS.md
}

# timed NAME: run bench_NAME if wanted, and say how long it took (the whole run must stay
# under 10 minutes).
timed() {
	local started=$SECONDS
	wants "$1" || return 0
	"bench_$1"
	echo "bench: $1 took $((SECONDS - started)) s" >&2
}

: > "$OUT/summary.txt"
[[ -n "${BENCH_SKIP_BUILD:-}" ]] || build
echo "bench: build took $SECONDS s" >&2
for part in reload overhead nginx startup shutdown scan; do
	timed "$part"
done
write_results
cat "$OUT/summary.txt"
echo "bench: all took $SECONDS s" >&2
