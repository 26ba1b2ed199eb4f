#!/usr/bin/env bash
# Dev reload time: from a recompiled class landing in demo-app/target/classes to the first
# response served by the new code, with the demo app running as `spring-boot:run` runs it.
#
#   bench/dev-reload.sh [EDITS] [BUILDS]   (default 5 edits of each kind, 2 builds; prints each time and the medians)
#
# An edit copies one recompiled class into target/classes, the way an IDE does. Two kinds:
# a handler edit changes only the body of the @GetMapping method (swapped into the running
# app, no restart); a restart edit changes the class's constant, which only a restart
# applies. Their medians are reported apart. A build
# changes the source and runs `./mvnw compile` of the module, which deletes the module's
# classes and writes them all again: it must restart the app once, not once per burst.
#
# Needs only a JDK and curl. Binds 127.0.0.1:${PORT:-18090}. Stops the app it started.
set -euo pipefail
cd "$(dirname "$0")/.."

EDITS="${1:-5}"
BUILDS="${2:-2}"
PORT="${PORT:-18090}"
PKG=demo-app/target/classes/io/serverprofiles/demo
SRC=demo-app/src/main/java/io/serverprofiles/demo/HelloController.java
WORK="$(mktemp -d)"
APP_PID=""

cleanup() {
	if [[ -n "$APP_PID" ]]; then kill -- "-$APP_PID" 2>/dev/null || kill "$APP_PID" 2>/dev/null || true; fi
	# Put the original source and class back so the build output matches the sources again.
	[[ -f "$WORK/original/HelloController.java" ]] && cp "$WORK/original/HelloController.java" "$SRC" || true
	[[ -f "$WORK/original/HelloController.class" ]] && cp "$WORK"/original/*.class "$PKG/" || true
	rm -rf "$WORK"
}
trap cleanup EXIT

# bench/run.sh has just built everything.
[[ -n "${SKIP_INSTALL:-}" ]] || ./mvnw -q -B -DskipTests install
CP="$(./mvnw -q -B -pl demo-app dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
mkdir -p "$WORK/original" && cp "$PKG"/HelloController*.class "$SRC" "$WORK/original/"

set -m
./mvnw -q -B -pl demo-app spring-boot:run \
	${RUN_FLAGS:-} -Dspring-boot.run.arguments="--server.port=$PORT ${EXTRA_ARGS:-}" > "$WORK/app.log" 2>&1 &
APP_PID=$!
set +m
for _ in $(seq 600); do
	curl -fs "http://127.0.0.1:$PORT/api/hello" > /dev/null 2>&1 && break
	sleep 0.1
done
curl -fs "http://127.0.0.1:$PORT/api/hello" > /dev/null || { cat "$WORK/app.log"; echo "demo app did not start" >&2; exit 1; }
sleep 2

# edit KIND I: recompile HelloController with a new marker, copy its classes in, and time
# until the app serves the marker.
edit() {
	local kind="$1" i="$2" marker="$1-$2-$RANDOM" dir="$WORK/$1-$2"
	mkdir -p "$dir"
	if [[ "$kind" == handler ]]; then
		sed "s/new Hello(GREETING,/new Hello(\"$marker\",/" "$SRC" > "$dir/HelloController.java"
	else
		sed "s/GREETING = \".*\"/GREETING = \"$marker\"/" "$SRC" > "$dir/HelloController.java"
	fi
	javac -nowarn -parameters --release 17 -cp "demo-app/target/classes:$CP" -d "$dir/out" "$dir/HelloController.java"
	local start
	start=$(date +%s%N)
	cp "$dir/out/io/serverprofiles/demo/"*.class "$PKG/"
	until curl -s -m 1 "http://127.0.0.1:$PORT/api/hello" 2>/dev/null | grep -q "$marker"; do
		sleep 0.005
		(( ($(date +%s%N) - start) < 30000000000 )) || { echo "$kind edit $i never served" >&2; return 1; }
	done
	echo $(( ($(date +%s%N) - start) / 1000000 ))
}

median() {
	printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'
}

starts() {
	grep -c "Started DemoApplication" "$WORK/app.log" || true
}

# timed_edits KIND LABEL -> sets TIMES (ms per edit) and RESTARTS (restarts they caused)
timed_edits() {
	local before i ms
	TIMES=()
	before=$(starts)
	for i in $(seq "$EDITS"); do
		ms=$(edit "$1" "$i")
		TIMES+=("$ms")
		echo "$2 edit $i: $ms ms"
		sleep 0.5
	done
	RESTARTS=$(($(starts) - before))
}

timed_edits handler handler
swapped=("${TIMES[@]}") swap_restarts=$RESTARTS
timed_edits constant restart
restarted=("${TIMES[@]}") edit_restarts=$RESTARTS
grep -o "Swapped .*" "$WORK/app.log" | tail -n 1 | sed 's/^/  /' || true
grep -o "Started DemoApplication in [0-9.]* seconds" "$WORK/app.log" | tail -n "$EDITS" | sed 's/^/  restart: /' || true
build_restarts=()
for i in $(seq "$BUILDS"); do
	marker="build-$i-$RANDOM"
	before=$(starts)
	sed -i "s/GREETING = \".*\"/GREETING = \"$marker\"/" "$SRC"
	./mvnw -q -B -o -pl demo-app compile
	built=$(date +%s%N)
	until curl -s -m 1 "http://127.0.0.1:$PORT/api/hello" 2>/dev/null | grep -q "$marker"; do
		sleep 0.01
		(( ($(date +%s%N) - built) < 30000000000 )) || { echo "build $i never served" >&2; exit 1; }
	done
	served=$(( ($(date +%s%N) - built) / 1000000 ))
	sleep 3 # a second restart, if the build caused one, comes in this time
	after=$(starts)
	build_restarts+=("$((after - before))")
	echo "build $i: served ${served} ms after ./mvnw compile returned; $((after - before)) restart(s)"
done
cp "$WORK/original/HelloController.java" "$SRC"

echo "dev reload: median $(median "${swapped[@]}") ms over ${EDITS} handler edits (swapped in: ${swap_restarts} restarts), $(median "${restarted[@]}") ms over ${EDITS} edits that restart (${edit_restarts} restarts); ./mvnw compile of the module restarted it ${build_restarts[*]} time(s) in ${BUILDS} builds (target 1 each)"
