#!/usr/bin/env bash
# Time to the first 200 of the demo's image, from `docker run` to /readyz answering, for
# the image as it was before the start cache ("today": the JarLauncher layout on Java 17)
# and for the Dockerfile's cache forms: CDS on Java 17, the AOT cache on Java 25, and Java
# 25 without its cache (--build-arg AOT_CACHE=false), which tells the cache's share from
# the newer JVM's.
#
#   bench/container-start.sh [ROUNDS]        default 5 rounds, images in alternating order
#
# Each image is built from the raw template with the demo's jar (the rendered one only
# fills in the ports); the build time (no build cache) and the image size are printed too.
# Each run: the memory limit the bundles render (768 MiB), the image's own
# JAVA_TOOL_OPTIONS, host networking on 127.0.0.1:${PORT:-18480} (management on the next
# port, as the image sets it), then curl every 20 ms. Removes the images and containers it made.
#
# Environment: JRE17_IMAGE (default $SERVER_PROFILES_JRE_IMAGE, else
# server-profiles/bookworm-jre-nginx:1), JRE25_IMAGE (default $SERVER_PROFILES_JRE25_IMAGE,
# else server-profiles/bookworm-jre25-nginx:1), TODAY (the commit whose Dockerfile is
# "today"; default the parent of the commit that dropped the JarLauncher).
# Needs a Docker engine (.ci/setup-docker), the packaged demo jar, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

ROUNDS="${1:-5}"
PORT="${PORT:-18480}"
JAR=demo-app/target/demo-app.jar
JRE17_IMAGE="${JRE17_IMAGE:-${SERVER_PROFILES_JRE_IMAGE:-server-profiles/bookworm-jre-nginx:1}}"
JRE25_IMAGE="${JRE25_IMAGE:-${SERVER_PROFILES_JRE25_IMAGE:-server-profiles/bookworm-jre25-nginx:1}}"
TODAY="${TODAY:-$(git log -1 --format=%H -S'loader.launch.JarLauncher' -- deploy/docker/Dockerfile)^}"
OUT=bench/out/container-start
TAG=server-profiles-bench/container-start
VARIANTS=(today cds17 aot25 nocache25)
CONTAINER=server-profiles-bench-start

mkdir -p "$OUT"
CONTEXT="$(mktemp -d)"
cleanup() {
	docker rm -f "$CONTAINER" > /dev/null 2>&1 || true
	for variant in "${VARIANTS[@]}"; do
		docker rmi -f "$TAG:$variant" > /dev/null 2>&1 || true
	done
	# The untagged extract stages of these builds: the layers they made that nothing is tagged with.
	comm -12 <(cat "$OUT"/build-*.log 2> /dev/null | sed -n 's/^ ---> \([0-9a-f]\{12\}\)$/\1/p' | sort -u) \
		<(docker images -q --filter dangling=true | sort -u) | xargs -r docker rmi > /dev/null 2>&1 || true
	rm -rf "$CONTEXT"
}
trap cleanup EXIT

[[ -f "$JAR" ]] || { echo "no $JAR: ./mvnw -B -pl demo-app -am package -DskipTests" >&2; exit 1; }
cp "$JAR" "$CONTEXT/app.jar"
git show "$TODAY:deploy/docker/Dockerfile" > "$CONTEXT/Dockerfile.today"
cp deploy/docker/Dockerfile "$CONTEXT/Dockerfile"

# build VARIANT DOCKERFILE JRE [BUILD-ARGS...] -> prints seconds and MB
build() {
	local variant="$1" dockerfile="$2" jre="$3" started
	shift 3
	started=$(date +%s%N)
	DOCKER_BUILDKIT=0 docker build --network host --no-cache -f "$CONTEXT/$dockerfile" \
		--build-arg JAR_FILE=app.jar --build-arg JRE_IMAGE="$jre" --build-arg BUILDER_IMAGE="$jre" \
		--build-arg APP_PORT="$PORT" --build-arg MANAGEMENT_PORT="$((PORT + 1))" "$@" \
		-t "$TAG:$variant" "$CONTEXT" > "$OUT/build-$variant.log" 2>&1
	echo "build $variant: $(((($(date +%s%N) - started)) / 1000000)) ms," \
		"image $(($(docker image inspect -f '{{.Size}}' "$TAG:$variant") / 1000000)) MB"
}

# first_200 VARIANT -> prints milliseconds from docker run to the first 200 of /readyz
first_200() {
	local variant="$1" started answered
	docker rm -f "$CONTAINER" > /dev/null 2>&1 || true
	started=$(date +%s%N)
	docker run -d --name "$CONTAINER" --network host --memory 768m --memory-swap 768m -e SERVER_PORT="$PORT" \
		-e SERVER_ADDRESS=127.0.0.1 -e MANAGEMENT_SERVER_ADDRESS=127.0.0.1 "$TAG:$variant" > /dev/null
	answered=$(wait_http "http://127.0.0.1:$PORT/readyz" 180) || { docker logs "$CONTAINER" 2>&1 | tail -5 >&2; return 1; }
	docker logs "$CONTAINER" > "$OUT/run-$variant.log" 2>&1
	docker rm -f "$CONTAINER" > /dev/null
	echo $(((answered - started) / 1000000))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

echo "today's Dockerfile: $(git rev-parse --short "$TODAY"), JRE images $JRE17_IMAGE and $JRE25_IMAGE"
build today Dockerfile.today "$JRE17_IMAGE"
build cds17 Dockerfile "$JRE17_IMAGE"
build aot25 Dockerfile "$JRE25_IMAGE"
build nocache25 Dockerfile "$JRE25_IMAGE" --build-arg AOT_CACHE=false

declare -A TIMES
for round in $(seq "$ROUNDS"); do
	order=("${VARIANTS[@]}")
	((round % 2 == 0)) && order=(nocache25 aot25 cds17 today)
	for variant in "${order[@]}"; do
		ms=$(first_200 "$variant") || exit 1
		TIMES[$variant]+="$ms "
		echo "round $round $variant: $ms ms"
	done
done

today=$(tr ' ' '\n' <<< "${TIMES[today]}" | grep . | median)
for variant in "${VARIANTS[@]}"; do
	ms=$(tr ' ' '\n' <<< "${TIMES[$variant]}" | grep . | median)
	echo "SUMMARY $variant: first 200 median $ms ms ($(awk -v a="$ms" -v b="$today" 'BEGIN { printf "%.2f", a / b }')x today), runs: ${TIMES[$variant]}"
done
