#!/usr/bin/env bash
# Runs a command-line tool of this checkout, building it first when any of its sources changed.
# Usage: scripts/run-tool.sh NAME PROJECT_DIR "SOURCE_DIR..." -- TOOL_ARGUMENTS...
# SOURCE_DIR lists the folders of the projects the tool references, relative to the checkout.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
name=$1 project_dir=$2 project="$root/$2"
read -r -a libraries <<<"$3"
shift 3
[[ "${1:-}" == "--" ]] && shift

dll="$project/bin/Release/net10.0/$name.dll"
sources=("$project")
for library in "${libraries[@]}"; do
  sources+=("$root/$library")
done

# Rebuild when any source file of the tool or its libraries is newer than the built assembly.
if [[ ! -f "$dll" ]] || [[ -n "$(find "${sources[@]}" \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' \) \
    -newer "$dll" -not -path '*/obj/*' -not -path '*/bin/*' -print -quit)" ]]; then
  if ! build_log="$(dotnet build "$project" -c Release --nologo -v quiet 2>&1)"; then
    printf '%s\n' "$build_log" >&2
    echo "$name: BUILD_FAILED: the build of $project_dir failed (output above)." >&2
    exit 1
  fi
fi

exec dotnet "$dll" "$@"
