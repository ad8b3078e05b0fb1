#!/bin/sh
# Installs hardtech-pool on a plain Debian/Ubuntu VM from a built checkout (`npm ci && npm run build`
# done, then `npm prune --omit=dev`): the app under /opt/hardtech, the units of deploy/systemd,
# nginx from deploy/nginx/templates, and starts hardtech.target. Run as root from the checkout:
#   sudo deploy/systemd/install.sh            (2 API processes on 3001-3002, 2 workers)
#   sudo API_PORTS="3001 3002 3003" WORKER_PORTS="9464 9465" PUBLIC_PORT=80 deploy/systemd/install.sh
# Safe to run again (an upgrade): the environment file is kept, the app and units are replaced.
set -eu

API_PORTS=${API_PORTS:-"3001 3002"}
WORKER_PORTS=${WORKER_PORTS:-"9464 9465"}
PUBLIC_PORT=${PUBLIC_PORT:-80}
TEMPORAL_UI=${TEMPORAL_UI:-127.0.0.1:8080}
APP=/opt/hardtech
ETC=/etc/hardtech
SRC=$(cd "$(dirname "$0")/../.." && pwd)

[ "$(id -u)" = 0 ] || { echo "run as root (sudo $0)" >&2; exit 1; }
[ -f "$SRC/dist/apps/api/src/main.js" ] && [ -f "$SRC/apps/web/dist/index.html" ] ||
  { echo "build first: npm ci && npm run build && npm prune --omit=dev" >&2; exit 1; }
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
  { echo "Node.js 20.19 or newer is needed at /usr/bin/node (e.g. Node 22 from nodesource.com)" >&2; exit 1; }

echo "▸ nginx and envsubst (apt-get)"
command -v nginx >/dev/null && command -v envsubst >/dev/null ||
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx gettext-base; }

echo "▸ user hardtech, $APP, $ETC, /var/lib/hardtech"
id hardtech >/dev/null 2>&1 || useradd --system --home-dir /var/lib/hardtech --shell /usr/sbin/nologin hardtech
mkdir -p "$APP" "$ETC"
rm -rf "$APP/dist" "$APP/node_modules" "$APP/apps"
mkdir -p "$APP/apps/web"
cp -a "$SRC/dist" "$SRC/node_modules" "$SRC/package.json" "$APP/"
cp -a "$SRC/apps/web/dist" "$APP/apps/web/dist"
if [ ! -f "$ETC/hardtech.env" ]; then
  install -m 0640 -g hardtech "$SRC/deploy/systemd/hardtech.env.example" "$ETC/hardtech.env"
  echo "! edit $ETC/hardtech.env (secrets, DATABASE_URL, Temporal), then run this script again" >&2
  exit 2
fi
# The owner's URL: systemd reads it for the migration unit; the hardtech user cannot.
if [ ! -f "$ETC/migrate.env" ]; then
  install -m 0600 "$SRC/deploy/systemd/migrate.env.example" "$ETC/migrate.env"
  echo "! edit $ETC/migrate.env (MIGRATION_DATABASE_URL, the owner), then run this script again" >&2
  exit 2
fi

echo "▸ systemd units"
install -m 0644 "$SRC"/deploy/systemd/*.service "$SRC"/deploy/systemd/*.target /etc/systemd/system/
systemctl daemon-reload
systemctl enable hardtech.target hardtech-migrate.service
for port in $API_PORTS; do systemctl enable "hardtech-api@$port.service"; done
for port in $WORKER_PORTS; do systemctl enable "hardtech-worker@$port.service"; done

echo "▸ nginx from deploy/nginx/templates (the same files compose and the cluster profile render)"
API_SERVERS=""
for port in $API_PORTS; do API_SERVERS="$API_SERVERS server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"; done
export API_SERVERS TEMPORAL_UI
export NGINX_LISTEN=${NGINX_LISTEN:-$PUBLIC_PORT} NGINX_TLS=${NGINX_TLS:-off}
export NGINX_TLS_CERT=${NGINX_TLS_CERT:-/etc/hardtech/tls/tls.crt} NGINX_TLS_KEY=${NGINX_TLS_KEY:-/etc/hardtech/tls/tls.key}
export NGINX_MAX_BODY=${NGINX_MAX_BODY:-12m} WEB_ROOT="$APP/apps/web/dist" NGINX_REAL_IP_FROM=${NGINX_REAL_IP_FROM:-127.0.0.1}
VARS='${API_SERVERS} ${TEMPORAL_UI} ${NGINX_LISTEN} ${NGINX_TLS} ${NGINX_TLS_CERT} ${NGINX_TLS_KEY} ${NGINX_MAX_BODY} ${WEB_ROOT} ${NGINX_REAL_IP_FROM}'
rm -f /etc/nginx/sites-enabled/default
for template in "$SRC"/deploy/nginx/templates/*.template; do
  name=$(basename "$template" .template)
  envsubst "$VARS" <"$template" >"/etc/nginx/conf.d/$name"
done
nginx -t
systemctl enable nginx
systemctl reload-or-restart nginx

echo "▸ starting hardtech.target"
systemctl restart hardtech.target
systemctl --no-pager --lines=0 status 'hardtech-*' || true
echo "✓ installed: http://$(hostname -f):$PUBLIC_PORT/ (logs: journalctl -u 'hardtech-*')"
