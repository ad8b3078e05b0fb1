#!/bin/sh
# Temporal's private CA for mutual TLS (issue 20: the engine is not a back door). The one recipe,
# run by the cluster profile (scripts/lib/certificates.mjs) and by docker compose's `certs` job.
#
#   certificates.sh DIR SERVER_NAME [SAN...]   e.g. certificates.sh /certs temporal
#                                                   certificates.sh data/…/certs localhost IP:127.0.0.1
#
# Makes in DIR: ca.pem/ca.key, server.pem/server.key (DNS:SERVER_NAME and the extra SANs; server
# and client use, as Temporal's services also authenticate to each other) and client.pem/client.key
# (client use). P-256 keys in PKCS#8, which Go (the server) and rustls (the SDK's core) both read.
# Files already there are reused: delete DIR to issue new ones.
# CERT_OWNER=uid:gid (compose) hands DIR and everything but the CA's key to the runtime user: the
# certificates world-readable, the keys to that user and group only; the CA key stays with root.
set -eu
dir=$1
name=$2
shift 2
san="DNS:$name"
for extra in "$@"; do san="$san,$extra"; done

umask 077
mkdir -p "$dir"
cd "$dir"

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"; }

# issue NAME SUBJECT EXTENSION...: a key and a certificate signed by the CA.
issue() {
  cert=$1
  subject=$2
  shift 2
  printf '%s\n' "$@" >"$cert.ext"
  key "$cert.key"
  openssl req -new -key "$cert.key" -subj "$subject" -out "$cert.csr"
  openssl x509 -req -in "$cert.csr" -CA ca.pem -CAkey ca.key -CAcreateserial \
    -days 825 -sha256 -extfile "$cert.ext" -out "$cert.pem"
}

if [ -f ca.pem ] && [ -f server.pem ] && [ -f client.pem ]; then
  echo "Temporal mTLS: reusing the certificates in $dir"
else
  echo "Temporal mTLS: creating a CA and certificates in $dir"
  key ca.key
  openssl req -x509 -new -key ca.key -subj '/O=hardtech-pool/CN=hardtech Temporal CA' \
    -days 3650 -sha256 -out ca.pem
  issue server "/O=hardtech-pool/CN=$name" "subjectAltName=$san" 'extendedKeyUsage=serverAuth,clientAuth'
  issue client '/O=hardtech-pool/CN=hardtech-app' 'extendedKeyUsage=clientAuth'
fi

if [ -n "${CERT_OWNER:-}" ]; then
  chown "$CERT_OWNER" . ca.pem server.pem server.key client.pem client.key
  chmod 0750 .
  chmod 0444 ca.pem server.pem client.pem
  chmod 0440 server.key client.key
fi
