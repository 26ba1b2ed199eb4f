# The rendered nginx in front of demo instances, for the benchmarks: the app exports its own
# bundle, a throwaway CA signs a localhost certificate, nginx runs on loopback ports.
# Sourced by bench/run.sh after bench/lib.sh.

# start_proxied_nginx DIR HTTP_PORT HTTPS_PORT UPSTREAMS -> sets NGINX_PID, NGINX_CA
start_proxied_nginx() {
	local dir http_port="$2" https_port="$3" upstreams="$4"
	mkdir -p "$1"
	dir=$(cd "$1" && pwd)
	rm -rf "$dir/bundle"
	chmod 755 "$dir"
	java -jar "$DEMO" --server-profiles.deploy.export="$dir/bundle" \
		--server-profiles.deploy.listen-address=127.0.0.1 --server-profiles.deploy.server-name=localhost \
		--server-profiles.deploy.http-port="$http_port" --server-profiles.deploy.https-port="$https_port" \
		--server-profiles.deploy.upstream="$upstreams" \
		--server-profiles.deploy.rate-limit=1000000 --server-profiles.deploy.rate-limit-burst=1000000 \
		--server-profiles.deploy.connection-limit=10000 \
		--server-profiles.deploy.access-log="$dir/access.log" --server-profiles.deploy.error-log="$dir/error.log" \
		> "$dir/export.log" 2>&1
	local nginx_dir="$dir/bundle/nginx"
	cp /etc/nginx/mime.types "$nginx_dir/"
	mkdir -p "$nginx_dir/tls"
	(
		cd "$nginx_dir/tls"
		openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ca.key -out chain.pem \
			-days 2 -subj "/CN=server-profiles bench CA" -addext basicConstraints=critical,CA:TRUE 2> /dev/null
		openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout privkey.pem \
			-out localhost.csr -subj /CN=localhost 2> /dev/null
		printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > localhost.ext
		openssl x509 -req -in localhost.csr -CA chain.pem -CAkey ca.key -CAcreateserial -days 2 \
			-extfile localhost.ext -out localhost.pem 2> /dev/null
		cat localhost.pem chain.pem > fullchain.pem
	)
	/usr/sbin/nginx -p "$nginx_dir/" -c "$nginx_dir/nginx.conf" -e "$dir/error.log" \
		-g "daemon off; pid $dir/nginx.pid;" &
	NGINX_PID=$!
	NGINX_CA="$nginx_dir/tls/chain.pem"
	BENCH_PIDS+=("$NGINX_PID")
	await_https "$NGINX_CA" "https://localhost:$https_port/readyz"
}

# start_bare_nginx DIR HTTPS_PORT UPSTREAM CERT_DIR [LOG] -> sets BARE_NGINX_PID
# The least nginx that terminates TLS and keeps upstream connections alive: no rate limits,
# forwarded headers or maps. Its access log is nginx's default (the combined format, one
# write per request) to DIR/access.log, or none with LOG=off. Measured in the same rounds
# as the rendered one, it shows what any nginx in front costs on this machine, apart from
# what the template adds.
start_bare_nginx() {
	local dir https_port="$2" upstream="$3" certs="$4" log="${5:-default}"
	mkdir -p "$1"
	dir=$(cd "$1" && pwd)
	local access_log="access_log $dir/access.log;"
	[[ $log == off ]] && access_log="access_log off;"
	cat > "$dir/nginx.conf" <<-CONF
		worker_processes auto;
		events { worker_connections 4096; }
		http {
		  $access_log
		  upstream app { server $upstream; keepalive 32; }
		  server {
		    listen 127.0.0.1:$https_port ssl;
		    ssl_certificate $certs/fullchain.pem;
		    ssl_certificate_key $certs/privkey.pem;
		    location / {
		      proxy_pass http://app;
		      proxy_http_version 1.1;
		      proxy_set_header Connection "";
		      proxy_set_header Host \$host;
		    }
		  }
		}
	CONF
	/usr/sbin/nginx -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log" -g "daemon off; pid $dir/nginx.pid;" &
	BARE_NGINX_PID=$!
	BENCH_PIDS+=("$BARE_NGINX_PID")
	await_https "$certs/chain.pem" "https://localhost:$https_port/api/hello"
}

# await_https CA_FILE URL: until nginx answers 200 there, for up to 30 s
await_https() {
	local deadline=$(($(date +%s) + 30))
	until curl -fs --cacert "$1" -o /dev/null "$2"; do
		(($(date +%s) < deadline)) || { echo "nginx gave no 200 from $2" >&2; return 1; }
		sleep 0.1
	done
}
