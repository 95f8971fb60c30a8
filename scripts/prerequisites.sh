#!/usr/bin/env bash
# Installs what the platform needs on a Debian machine that has only the .NET 10 SDK.
# Idempotent: prints what it installed and stays quiet about what was already there.
# Never starts or stops a system RabbitMQ node: the platform runs its own private node.
set -euo pipefail

log() { printf '[prerequisites] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "root rights are needed to run: $*"; exit 1; fi
}

container_runtime_answers() {
  command -v docker >/dev/null 2>&1 && timeout 5 docker info >/dev/null 2>&1
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  # policy-rc.d with exit 101 keeps the package's own service from starting during install.
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod +x "$policy"; created_policy=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" \
    || { [ "$created_policy" -eq 1 ] && as_root rm -f "$policy"; return 1; }
  if [ "$created_policy" -eq 1 ]; then as_root rm -f "$policy"; fi
}

command -v dotnet >/dev/null || { log "the .NET 10 SDK is missing: install it first (see README.md)"; exit 1; }

if container_runtime_answers; then
  log "a container runtime answers: RabbitMQ and MongoDB will run as containers"
elif [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || command -v rabbitmq-server >/dev/null 2>&1; then
  :
else
  log "local mode needs RabbitMQ: installing Debian's rabbitmq-server package (its system service is not started)"
  apt_install rabbitmq-server
  log "installed rabbitmq-server"
fi
