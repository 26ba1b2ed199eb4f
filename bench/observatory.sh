#!/usr/bin/env bash
# Grade the demo behind the rendered nginx with the MDN HTTP Observatory scanner
# (npm @mdn/mdn-http-observatory), as the issue asks: https://localhost served by nginx on
# 127.0.0.1:443 and :80 with a throwaway CA, the demo jar behind it. Needs root (ports
# 80/443), nginx, openssl, node 20+ and npm. Not part of `verify`.
#
#   bench/observatory.sh            # prints the grade, the score and each test's result
#
# Everything it starts is stopped on exit; the scanner is cached outside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=${OBSERVATORY_VERSION:-1.4.8}
CACHE=${OBSERVATORY_CACHE:-$HOME/.cache/server-profiles/observatory-$VERSION}
JAR=demo-app/target/demo-app.jar
WORK=$(mktemp -d)
chmod 755 "$WORK"
PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$JAR" ] || ./mvnw -q -B -DskipTests package

# 1. The scanner: its install script downloads lists, so skip it and give it empty ones.
SCANNER=$CACHE/node_modules/@mdn/mdn-http-observatory
if [ ! -f "$SCANNER/src/scan.js" ]; then
	mkdir -p "$CACHE"
	(cd "$CACHE" && npm install --ignore-scripts --no-audit --no-fund "@mdn/mdn-http-observatory@$VERSION" >/dev/null)
fi
[ -f "$SCANNER/conf/hsts-preload.json" ] || echo '{}' > "$SCANNER/conf/hsts-preload.json"
[ -f "$SCANNER/conf/tld-list.json" ] || echo '["com","localhost","net","org"]' > "$SCANNER/conf/tld-list.json"

# 2. A free port for the app, and the bundle rendered by the app itself.
APP_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -jar "$JAR" --server-profiles.deploy.export="$WORK/bundle" --server.port="$APP_PORT" \
	--server-profiles.deploy.listen-address=127.0.0.1 --server-profiles.deploy.server-name=localhost \
	--server-profiles.deploy.access-log="$WORK/access.log" --server-profiles.deploy.error-log="$WORK/error.log" \
	>"$WORK/export.log" 2>&1
NGINX_DIR=$WORK/bundle/nginx
cp /etc/nginx/mime.types "$NGINX_DIR/"

# 3. A test CA and a certificate for localhost.
mkdir -p "$NGINX_DIR/tls"
(
	cd "$NGINX_DIR/tls"
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out chain.pem \
		-days 2 -subj "/CN=server-profiles observatory CA" -addext basicConstraints=critical,CA:TRUE \
		-addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
	openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout privkey.pem -out localhost.csr \
		-subj /CN=localhost 2>/dev/null
	printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > localhost.ext
	openssl x509 -req -in localhost.csr -CA chain.pem -CAkey ca.key -CAcreateserial -days 2 \
		-extfile localhost.ext -out localhost.pem 2>/dev/null
	cat localhost.pem chain.pem > fullchain.pem
)

# 4. The demo, then nginx in front of it.
java -jar "$JAR" --server.port="$APP_PORT" >"$WORK/app.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 600); do
	curl -fs "http://127.0.0.1:$APP_PORT/readyz" >/dev/null 2>&1 && break
	sleep 0.1
done
/usr/sbin/nginx -p "$NGINX_DIR/" -c "$NGINX_DIR/nginx.conf" -e "$WORK/error.log" \
	-g "daemon off; pid $WORK/nginx.pid;" &
PIDS+=($!)
for _ in $(seq 1 100); do
	curl -fs --cacert "$NGINX_DIR/tls/chain.pem" https://localhost/readyz >/dev/null 2>&1 && break
	sleep 0.1
done

# 5. The scan: its own wrapper would replace NODE_EXTRA_CA_CERTS, so run scan.js directly.
NODE_EXTRA_CA_CERTS="$NGINX_DIR/tls/chain.pem" node "$SCANNER/src/scan.js" localhost >"$WORK/scan.json"
node -e '
const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
if (r.error) { console.log("observatory: error " + r.error); process.exit(1); }
console.log(`observatory: grade ${r.scan.grade}, score ${r.scan.score}/100, ` +
	`${r.scan.testsPassed} of ${r.scan.testsQuantity} tests passed`);
for (const [name, t] of Object.entries(r.tests)) {
	console.log(`  ${t.pass ? "pass" : "FAIL"} ${String(t.scoreModifier).padStart(4)}  ${name}: ${t.result}`);
}' "$WORK/scan.json"
