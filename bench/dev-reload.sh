#!/usr/bin/env bash
# Dev reload time: from a recompiled class landing in demo-app/target/classes to the first
# response served by the new code, with the demo app started by the README's own commands.
#
#   bench/dev-reload.sh [EDITS] [BUILDS] [STARTS]
#     default: 5 edits of each kind, 2 builds of each kind, STARTS="am installed"
#
# Each start mode runs the demo the way the README starts it: `am` is the quick start
# (`./mvnw -pl demo-app -am spring-boot:run`, recompiled with `./mvnw -pl demo-app -am compile`),
# `installed` is `./mvnw -pl demo-app spring-boot:run` over installed modules, recompiled with
# `./mvnw -pl demo-app compile`. In each, two kinds of change, timed from the class file landing
# (javac; bench/reload-timer writes it and polls over one kept-alive connection every
# millisecond) or from the Maven compile returning to the first response with the new code:
#   - one-file javac, as an IDE does: a handler edit (only the @GetMapping body changes:
#     swapped in, no restart) and a restart edit (the class's constant: only a restart applies it);
#   - a Maven compile of the module, which deletes and rewrites every class: a handler edit
#     (swapped in: the other classes come back byte for byte) and a restart edit (one restart).
# Each line says how many restarts and swaps the edits caused.
#
# javac gets the flags Maven gives it (-g -parameters), as an IDE build does, so that a class
# the edit did not touch compiles to the same bytes.
#
# Needs only a JDK and curl. Binds 127.0.0.1:${PORT:-18090}. Stops the app it started.
set -euo pipefail
cd "$(dirname "$0")/.."

EDITS="${1:-5}"
BUILDS="${2:-2}"
STARTS="${3:-am installed}"
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
	[[ -f "$WORK/app.log" ]] && cp "$WORK/app.log" "${TMPDIR:-/tmp}/dev-reload-app.log" || true
	rm -rf "$WORK"
}
trap cleanup EXIT

# bench/run.sh has just built everything.
[[ -n "${SKIP_INSTALL:-}" ]] || ./mvnw -q -B -DskipTests install
CP="$(./mvnw -q -B -pl demo-app dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
mkdir -p "$WORK/original" && cp "$PKG"/HelloController*.class "$SRC" "$WORK/original/"
javac -d "$WORK/timer" bench/reload-timer/ReloadTimer.java

start_app() {
	local mode="$1"
	local am=""
	[[ "$mode" == am ]] && am="-am"
	: > "$WORK/app.log"
	set -m
	./mvnw -q -B -o -pl demo-app $am spring-boot:run \
		${RUN_FLAGS:-} -Dspring-boot.run.arguments="--server.port=$PORT ${EXTRA_ARGS:-}" > "$WORK/app.log" 2>&1 &
	APP_PID=$!
	set +m
	for _ in $(seq 600); do
		curl -fs "http://127.0.0.1:$PORT/api/hello" > /dev/null 2>&1 && break
		sleep 0.1
	done
	curl -fs "http://127.0.0.1:$PORT/api/hello" > /dev/null || { cat "$WORK/app.log"; echo "demo app did not start" >&2; exit 1; }
	sleep 2
}

stop_app() {
	kill -- "-$APP_PID" 2>/dev/null || kill "$APP_PID" 2>/dev/null || true
	wait "$APP_PID" 2>/dev/null || true
	APP_PID=""
	cp "$WORK/original/HelloController.java" "$SRC"
	cp "$WORK"/original/*.class "$PKG/"
}

# edited_source KIND MARKER: the original source with a handler or a constant edit.
edited_source() {
	if [[ "$1" == handler ]]; then
		sed "s/new Hello(GREETING,/new Hello(\"$2\",/" "$WORK/original/HelloController.java"
	else
		sed "s/GREETING = \".*\"/GREETING = \"$2\"/" "$WORK/original/HelloController.java"
	fi
}

# edit KIND I: recompile HelloController with a new marker, copy its classes in, and time
# until the app serves the marker.
edit() {
	local kind="$1" i="$2" marker="$1-$2-$RANDOM" dir="$WORK/$1-$2"
	mkdir -p "$dir"
	edited_source "$kind" "$marker" > "$dir/HelloController.java"
	javac -nowarn -g -parameters --release 17 -cp "demo-app/target/classes:$CP" -d "$dir/out" "$dir/HelloController.java"
	java -cp "$WORK/timer" ReloadTimer "http://127.0.0.1:$PORT/api/hello" "$marker" "$PKG" \
		"$dir/out/io/serverprofiles/demo/"*.class || { echo "$kind edit $i never served" >&2; return 1; }
}

median() {
	printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'
}

starts() {
	grep -c "Started DemoApplication" "$WORK/app.log" || true
}

swaps() {
	grep -c "Swapped io.serverprofiles.demo" "$WORK/app.log" || true
}

# timed_edits KIND LABEL -> sets TIMES (ms per edit), RESTARTS and SWAPS (what they caused)
timed_edits() {
	local before swapped_before i ms
	TIMES=()
	before=$(starts)
	swapped_before=$(swaps)
	for i in $(seq "$EDITS"); do
		ms=$(edit "$1" "$i")
		TIMES+=("$ms")
		echo "  $2 edit $i: $ms ms"
		sleep 0.5
	done
	sleep 1
	RESTARTS=$(($(starts) - before))
	SWAPS=$(($(swaps) - swapped_before))
}

# timed_builds KIND -> the same for BUILDS Maven compiles of the module
timed_builds() {
	local before swapped_before i marker built ms
	TIMES=()
	before=$(starts)
	swapped_before=$(swaps)
	for i in $(seq "$BUILDS"); do
		marker="build-$1-$i-$RANDOM"
		edited_source "$1" "$marker" > "$SRC"
		# shellcheck disable=SC2086 # ALSO_MAKE is one flag or none
		./mvnw -q -B -o -pl demo-app $ALSO_MAKE compile
		built=$(date +%s%N)
		until curl -s -m 1 "http://127.0.0.1:$PORT/api/hello" 2>/dev/null | grep -q "$marker"; do
			sleep 0.005
			(( ($(date +%s%N) - built) < 30000000000 )) || { echo "build $i never served" >&2; exit 1; }
		done
		ms=$(( ($(date +%s%N) - built) / 1000000 ))
		TIMES+=("$ms")
		echo "  maven $1 build $i: served $ms ms after ./mvnw compile returned"
		sleep 3 # a second restart, if the build caused one, comes in this time
	done
	RESTARTS=$(($(starts) - before))
	SWAPS=$(($(swaps) - swapped_before))
}

# The restart edits leave another constant in the running app: a build of the original
# source brings it back (one restart, not timed), so that the handler builds change only
# the handler.
rebuild_original() {
	cp "$WORK/original/HelloController.java" "$SRC"
	# shellcheck disable=SC2086 # ALSO_MAKE is one flag or none
	./mvnw -q -B -o -pl demo-app $ALSO_MAKE compile
	sleep 3
}

SUMMARY=()
for mode in $STARTS; do
	echo "start: $mode"
	ALSO_MAKE=""
	[[ "$mode" == am ]] && ALSO_MAKE="-am"
	start_app "$mode"
	grep -o "Hot swap is [a-z]*.*" "$WORK/app.log" | head -n 1 | sed 's/^/  /' || true
	timed_edits handler "javac handler"
	SUMMARY+=("$mode, javac handler edit: median $(median "${TIMES[@]}") ms over $EDITS edits, $SWAPS swaps, $RESTARTS restarts")
	timed_edits constant "javac restart"
	SUMMARY+=("$mode, javac restart edit: median $(median "${TIMES[@]}") ms over $EDITS edits, $SWAPS swaps, $RESTARTS restarts")
	rebuild_original
	timed_builds handler
	SUMMARY+=("$mode, maven compile, handler edit: median $(median "${TIMES[@]}") ms over $BUILDS builds, $SWAPS swaps, $RESTARTS restarts")
	timed_builds constant
	SUMMARY+=("$mode, maven compile, restart edit: median $(median "${TIMES[@]}") ms over $BUILDS builds, $SWAPS swaps, $RESTARTS restarts (target: 1 per build)")
	grep -o "Started DemoApplication in [0-9.]* seconds" "$WORK/app.log" | tail -n 3 | sed 's/^/  restart: /' || true
	stop_app
done
printf 'dev reload: %s\n' "${SUMMARY[@]}"
