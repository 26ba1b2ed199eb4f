#!/usr/bin/env bash
# ----------------------------------------------------------------------
# | Rolling restart of ${APP_NAME} behind nginx, losing no request      |
# ----------------------------------------------------------------------
#
# nginx retries a GET, HEAD, PUT or DELETE that a stopping instance cut short on the next
# instance, but never resends a POST or PATCH it has already sent: it cannot know whether
# the app acted on it. Stopped while nginx still sends it requests, an instance loses a few
# POSTs per restart, whatever its drain delay. So each instance leaves nginx first:
#
#   1. `down`: mark it down in the site's upstream and reload nginx. New workers send it
#      nothing; old workers finish the requests they have in flight, then exit (their idle
#      connections to the instance close with them). Wait until they are gone.
#   2. Restart the instance and wait until its /readyz answers 200.
#   3. `up`: take `down` away and reload nginx. Then the next instance.
#
#   bash rolling-restart.sh                   every instance in turn
#   bash rolling-restart.sh down HOST:PORT    step 1 for one instance
#   bash rolling-restart.sh up HOST:PORT      step 3 for one instance
#
# Environment (defaults for the VM of deploy/README.md):
#   SITE             the nginx site with the upstream    /etc/nginx/sites/app.conf
#   NGINX_RELOAD     how to reload nginx                 nginx -s reload
#   RESTART_COMMAND  how to restart one instance; it gets HOST:PORT and its number (1, 2, ...)
#                    systemctl restart ${APP_NAME} (the first), ${APP_NAME}-2, ...
#
# (!) Keep at least two instances: with one, step 1 leaves nginx none (it answers 502).
# (!) Old workers wait for requests in flight, at most as long as nginx waits for the app
#     (proxy_read_timeout, ${PROXY_READ_TIMEOUT_SECONDS}s); then the restart goes on and the
#     app's graceful shutdown finishes what is left.
set -euo pipefail

instances=(
	${UPSTREAM_SERVER}
)
app_name='${APP_NAME}'
longest_request_seconds=${PROXY_READ_TIMEOUT_SECONDS}

site=${SITE-/etc/nginx/sites/app.conf}
reload=${NGINX_RELOAD-nginx -s reload}

log() { echo "rolling-restart: $*" >&2; }

pattern() {
	# The address as a regular expression: dots and brackets taken literally.
	sed -e 's/[].[]/\\&/g' <<< "$1"
}

# mark ADDRESS down|up: rewrite the instance's `server` line in the site.
mark() {
	local address
	address=$(pattern "$1")
	grep -Eq "^[[:space:]]*server[[:space:]]+$address([[:space:]]|;)" "$site" \
		|| { log "no 'server $1' line in $site"; exit 2; }
	sed -i -E "s/^([[:space:]]*server[[:space:]]+$address([[:space:]][^;]*)?) down;/\1;/" "$site"
	if [[ $2 == down ]]; then
		sed -i -E "s/^([[:space:]]*server[[:space:]]+$address([[:space:]][^;]*)?);/\1 down;/" "$site"
	fi
}

old_workers() {
	pgrep -fc 'nginx: worker process is shutting down' || true
}

down() {
	mark "$1" down
	bash -c "$reload"
	log "$1 marked down; waiting for nginx's old workers to finish their requests"
	local waited=0
	# A reload starts the new workers before the old ones stop taking connections.
	sleep 1
	while (($(old_workers) > 0 && waited < longest_request_seconds)); do
		sleep 1
		waited=$((waited + 1))
	done
	if (($(old_workers) > 0)); then
		log "old workers still busy after ${longest_request_seconds}s; going on"
	fi
}

up() {
	mark "$1" up
	bash -c "$reload"
	log "$1 back in nginx"
}

restart() {
	if [[ -n ${RESTART_COMMAND-} ]]; then
		bash -c "$RESTART_COMMAND" restart "$1" "$2"
	elif (($2 == 1)); then
		systemctl restart "$app_name"
	else
		systemctl restart "$app_name-$2"
	fi
}

await_ready() {
	local tries=0
	until curl -fsS -o /dev/null "http://$1/readyz"; do
		tries=$((tries + 1))
		if ((tries > 120)); then
			log "$1 never answered /readyz; it stays down in nginx"
			exit 1
		fi
		sleep 1
	done
}

case "${1-all}" in
	down) down "$2" ;;
	up) up "$2" ;;
	all)
		if ((${#instances[@]} < 2)); then
			log "one instance only: nginx would have none while it restarts; add a second (deploy/README.md)"
			exit 2
		fi
		number=0
		for instance in "${instances[@]}"; do
			number=$((number + 1))
			down "$instance"
			restart "$instance" "$number"
			await_ready "$instance"
			up "$instance"
		done
		;;
	*)
		log "usage: rolling-restart.sh [down HOST:PORT | up HOST:PORT]"
		exit 2
		;;
esac
