#!/usr/bin/env bash
# Installs what the platform needs on a Debian machine that has only the .NET 10 SDK.
# Idempotent: prints what it installed and stays quiet about what was already there.
# Never starts or stops a system RabbitMQ node: the platform runs its own private node.
# With --tests it also installs what the test suite's benchmark smoke runs need (nginx and wrk;
# nginx's own system service is not started) and the browser tests' Chromium.
set -euo pipefail

for_tests=0
case "${1:-}" in
  --tests) for_tests=1 ;;
  "") ;;
  *) printf '[prerequisites] unknown option %s; use no option, or --tests\n' "$1" >&2; exit 2 ;;
esac

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

if [ "$for_tests" -eq 1 ]; then
  missing=()
  [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "the benchmark smoke runs need ${missing[*]}: installing Debian's packages (nginx's system service is not started)"
    apt_install "${missing[@]}"
    log "installed ${missing[*]}"
  fi
fi

# The browser tests drive Debian's Chromium through Playwright, which downloads no browser of its
# own, and the Japanese fonts make their screenshots readable. Without Chromium they are skipped.
if [ "$for_tests" -eq 1 ] && [ ! -x /usr/bin/chromium ]; then
  log "the browser tests need Chromium: installing Debian's chromium and fonts-noto-cjk packages"
  if apt_install chromium fonts-noto-cjk; then log "installed chromium"; else log "could not install chromium: the browser tests will be skipped"; fi
fi
