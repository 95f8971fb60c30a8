#!/usr/bin/env bash
# Runs the whole platform on this machine: installs what is missing, builds, starts the AppHost,
# waits until every resource is healthy and prints the addresses. Ctrl+C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD

usage() {
  cat <<'TEXT'
使い方 / Usage: ./run.sh [--no-build] [--demo] [--help]

  プラットフォーム全体を起動し、ポータル・ゲートウェイ・ダッシュボードのアドレスを表示します。
  Starts the whole platform and prints the portal, gateway and dashboard addresses.

オプション / Options:
  --no-build            ビルドを省略します (ビルド済みであること) / skips the build; the solution must be built already
  --demo                起動後にデモ用の機関・架空の住民・お知らせなどを作り、ログイン方法を表示します (何度実行しても二重には作りません)
                        / after the start, creates demo agencies, a fictitious resident, notices and more, and prints how
                        to log in (a second run creates nothing twice)

環境変数 / Environment variables:
  MYNA_DATA_DIR         データフォルダー / data folder (default: .data)
  MYNA_GATEWAY_PORT     ゲートウェイのポート / gateway port (default: 5080)
  MYNA_SIMULATOR_PORT   JPKI シミュレーターのポート / JPKI simulator port (default: 5090)
  MYNA_DASHBOARD_PORT   ダッシュボードのポート / dashboard port (default: 18888)
  MYNA_OTLP_PORT        テレメトリ受信ポート / OTLP port of the dashboard (default: 18889)
  MYNA_RESOURCE_PORT    リソースサービスのポート / resource service port (default: 18890)
  MYNA_START_TIMEOUT    起動待ちの上限秒数 / seconds to wait for all-healthy (default: 300)
  MYNA_CONFIGURATION    ビルド構成 Debug または Release / build configuration, Debug or Release (default: Debug)
TEXT
}

build=true
demo=false
for argument in "$@"; do
  case "$argument" in
    -h|--help) usage; exit 0 ;;
    --no-build) build=false ;;
    --demo) demo=true ;;
    *) echo "不明なオプションです / unknown option: $argument (see ./run.sh --help)" >&2; exit 2 ;;
  esac
done

data_dir=$(realpath -m "${MYNA_DATA_DIR:-$root/.data}")
gateway_port=${MYNA_GATEWAY_PORT:-5080}
simulator_port=${MYNA_SIMULATOR_PORT:-5090}
dashboard_port=${MYNA_DASHBOARD_PORT:-18888}
otlp_port=${MYNA_OTLP_PORT:-18889}
resource_port=${MYNA_RESOURCE_PORT:-18890}
start_timeout=${MYNA_START_TIMEOUT:-300}
if ! [[ "$start_timeout" =~ ^[1-9][0-9]*$ ]]; then
  echo "MYNA_START_TIMEOUT は 1 以上の秒数で指定してください / MYNA_START_TIMEOUT is '$start_timeout'; use a whole number of seconds, such as 300." >&2
  exit 2
fi
configuration=${MYNA_CONFIGURATION:-Debug}
case "$configuration" in
  Debug|Release) ;;
  *) echo "MYNA_CONFIGURATION は Debug か Release で指定してください / MYNA_CONFIGURATION is '$configuration'; use Debug or Release." >&2; exit 2 ;;
esac

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for entry in "MYNA_GATEWAY_PORT:$gateway_port" "MYNA_SIMULATOR_PORT:$simulator_port" "MYNA_DASHBOARD_PORT:$dashboard_port" \
             "MYNA_OTLP_PORT:$otlp_port" "MYNA_RESOURCE_PORT:$resource_port"; do
  if ! [[ "${entry#*:}" =~ ^[1-9][0-9]{0,4}$ ]] || (( ${entry#*:} > 65535 )); then
    echo "${entry%%:*} は 1〜65535 のポート番号で指定してください / ${entry%%:*} is '${entry#*:}'; use a port number from 1 to 65535." >&2
    exit 2
  fi
  if port_in_use "${entry#*:}"; then
    echo "ポート ${entry#*:} は使用中です。別のポートを ${entry%%:*} で指定してください。" >&2
    echo "Port ${entry#*:} is in use (another ./run.sh?). Stop it, or choose another port with ${entry%%:*}." >&2
    exit 1
  fi
done

bash scripts/prerequisites.sh

if [ "$build" = true ]; then
  echo "[run] building (dotnet build, $configuration)..."
  dotnet build MynaPlatform.sln -c "$configuration" -nologo -v quiet -clp:ErrorsOnly
else
  echo "[run] skipping the build (--no-build)"
fi

mkdir -p "$data_dir/logs"
log_file="$data_dir/logs/apphost.log"
env_file="$data_dir/platform.env"
run_id="$(date +%s)-$$"

echo "[run] starting the AppHost; its log is $log_file"
printf '\n===== %s: ./run.sh starts the AppHost =====\n' "$(date -Is)" >>"$log_file"
(
  cd AppHost
  export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
  export ASPNETCORE_URLS="http://localhost:$dashboard_port"
  export ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://localhost:$otlp_port"
  export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://localhost:$resource_port"
  export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
  export Platform__DataDirectory="$data_dir" Platform__RunId="$run_id" Platform__GatewayPort="$gateway_port" \
    Platform__JpkiSimulatorPort="$simulator_port"
  # The AppHost starts each service from the same configuration folder as its own.
  exec dotnet "bin/$configuration/net10.0/MynaPlatform.AppHost.dll"
) >>"$log_file" 2>&1 &
apphost_pid=$!

# The AppHost's orchestrator (DCP) watches the AppHost's process id and stops the services after it;
# its controller holds the gateway and dashboard ports until the very end.
wait_for_orchestrator() {
  local deadline=$(( $(date +%s) + 60 ))
  while (( $(date +%s) < deadline )); do
    if ! pgrep -f -- "--monitor $apphost_pid" >/dev/null && ! port_in_use "$gateway_port" && ! port_in_use "$dashboard_port"; then
      # A bare return inside the signal trap would return the interrupted wait's status (143), and set -e would exit.
      return 0
    fi
    sleep 1
  done
  echo "[run] some of the platform's processes were still running after 60 s" >&2
}

stop_platform() {
  local exit_code=${1:-0}
  # Further signals (a second Ctrl+C, or the orchestrator signalling its process group) must not cut the wait short.
  trap "" INT TERM
  echo
  echo "[run] stopping the platform..."
  kill -TERM "$apphost_pid" 2>/dev/null || true
  wait "$apphost_pid" 2>/dev/null || true
  wait_for_orchestrator
  echo "[run] stopped"
  exit "$exit_code"
}
trap stop_platform INT TERM

started=$(date +%s)
until grep -qx "PLATFORM_READY_RUN_ID=$run_id" "$env_file" 2>/dev/null; do
  if ! kill -0 "$apphost_pid" 2>/dev/null; then
    echo "[run] the AppHost stopped before the platform was ready. Last lines of $log_file:" >&2
    tail -n 40 "$log_file" >&2
    exit 1
  fi
  if (( $(date +%s) - started > start_timeout )); then
    echo "[run] the platform was not healthy within $start_timeout s. Last lines of $log_file:" >&2
    tail -n 40 "$log_file" >&2
    kill -TERM "$apphost_pid" 2>/dev/null || true
    exit 1
  fi
  sleep 1
done

value_of() { grep -m1 "^$1=" "$env_file" | cut -d= -f2-; }
cat <<TEXT

MynaPlatform が起動しました / MynaPlatform is running ($(value_of PLATFORM_RUN_MODE) mode, healthy after $(( $(date +%s) - started )) s)

  ポータル / Portal:          $(value_of PORTAL_URL)
  ゲートウェイ / Gateway:     $(value_of GATEWAY_URL)
  ダッシュボード / Dashboard: $(value_of DASHBOARD_URL)

  アドレスは $env_file にも書かれています / The addresses are also in $env_file
  停止するには Ctrl+C を押してください / Press Ctrl+C to stop.
TEXT

if [ "$demo" = true ]; then
  echo
  echo "[run] デモデータを作成しています / creating the demo data (./myna-demo)..."
  if ! ./myna-demo --data-dir "$data_dir"; then
    echo "[run] デモデータを作成できなかったため、プラットフォームを停止します / the demo data could not be created, so the platform stops" >&2
    stop_platform 1
  fi
  echo
  echo "  停止するには Ctrl+C を押してください / Press Ctrl+C to stop."
fi

exit_code=0
wait "$apphost_pid" || exit_code=$?
wait_for_orchestrator
echo "[run] the AppHost exited with code $exit_code; see $log_file" >&2
exit "$exit_code"
