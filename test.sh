#!/usr/bin/env bash
# Runs every test project, one at a time (two AppHosts at once are too many for 2 cores), each
# with its own temporary data folder, and ends with one line: "N passed, N failed, N skipped".
# Exits non-zero on any failure, when no test ran, or when a project's results cannot be read.
set -uo pipefail
cd "$(dirname "$0")"
root=$PWD

bash scripts/prerequisites.sh --tests || { echo "[test] prerequisites failed" >&2; exit 1; }

echo "[test] building (dotnet build)..."
if ! dotnet build MynaPlatform.sln -nologo -v quiet -clp:ErrorsOnly; then
  echo "[test] the build failed" >&2
  exit 1
fi

results_root=$(mktemp -d -t myna-test-results.XXXXXX)
project_timeout=${MYNA_TEST_PROJECT_TIMEOUT:-25m}
passed=0 failed=0 skipped=0 unreadable=0
summary=()
failures=()
service_errors=()

counter() { # counter NAME FILE: reads one attribute of the TRX Counters element
  grep -o "<Counters [^>]*" "$2" | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" | head -n1
}

no_message="(no message in the report)"
failed_tests() { # failed_tests FILE: each failed test of a TRX file as "name: first lines of its message"
  awk '
    /<UnitTestResult / { failing = ($0 ~ /outcome="(Failed|Error|Timeout)"/); inside = 0
      if (failing) { name = $0; sub(/.* testName="/, "", name); sub(/".*/, "", name); message = "" } }
    failing && /<Message>/ { inside = 1; lines = 0; sub(/.*<Message>/, "") }
    failing && inside {
      text = $0; done = sub(/<\/Message>.*/, "", text)
      if (lines < 3 && text != "") { message = message (lines ? " | " : "") text; lines++ }
      if (done) { inside = 0 }
    }
    failing && /<\/UnitTestResult>/ { print name ": " substr(message, 1, 400); failing = 0 }
    failing && /\/>[[:space:]]*$/ && !inside { print name ": " no_message; failing = 0 }
  ' no_message="$no_message" "$1" | sed 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#xD;//g; s/&amp;/\&/g'
}

console_failures() { # console_failures FILE: each "failed NAME" line of the runner's output with the two lines after it
  sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -E -A3 '^failed ' | grep -v -E '^--$|^  from ' \
    | awk '/^failed / { if (line) print line; line = $0; count = 0; next } count < 2 { sub(/^ +/, ""); line = line " | " $0; count++ } END { if (line) print line }' \
    | cut -c1-500
}

error_logs() { # error_logs DIR: the last error entries that the platform's services logged under DIR
  find "$1" -path '*/logs/*.log' -type f 2>/dev/null | sort | while IFS= read -r log; do
    sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E -A1 '^[^ ]+ (fail|crit): ' | grep -v '^--$' \
      | cut -d' ' -f2- | sed "s/^ */$(basename "$log" .log): /" | tail -n 6
  done
}

runner_exit_reason() { # runner_exit_reason CODE: what a Microsoft.Testing.Platform exit code means
  case "$1" in
    3) echo "the test session was aborted" ;;
    7) echo "the test host crashed" ;;
    124) echo "the project took longer than $project_timeout" ;;
    137) echo "the runner was killed" ;;
    *) echo "see https://aka.ms/testingplatform/exitcodes" ;;
  esac
}

runner_errors() { # runner_errors FILE: the runner's own error lines, such as an unhandled exception and its first frames
  sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -E -A6 'Error output|Unhandled exception|[Cc]rash|[Aa]borted' | grep -v '^--$' | head -n 12
}

mapfile -t projects < <(find tests -mindepth 2 -maxdepth 2 -name '*.Tests.csproj' | sort)
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  data_dir=$(mktemp -d -t "myna-$name.XXXXXX")
  results="$results_root/$name"
  echo "[test] $name"

  output="$results_root/$name.out"
  MYNA_TEST_DATA_DIR="$data_dir" timeout --signal=TERM --kill-after=30s "$project_timeout" \
    dotnet test --project "$project" --no-build --report-trx --results-directory "$results" 2>&1 | tee "$output"
  exit_code=${PIPESTATUS[0]}

  trx=$(find "$results" -name '*.trx' 2>/dev/null | head -n1)
  if [ -z "$trx" ]; then
    echo "[test] $name: no results could be read (exit code $exit_code)" >&2
    unreadable=$((unreadable + 1))
    summary+=("$name: results unreadable (exit code $exit_code)")
  else
    p=$(counter passed "$trx"); f=$(counter failed "$trx"); e=$(counter error "$trx"); n=$(counter notExecuted "$trx")
    t=$(counter timeout "$trx"); a=$(counter aborted "$trx")
    p=${p:-0}; f=$(( ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0} )); n=${n:-0}
    if [ "$exit_code" -ne 0 ] && [ "$f" -eq 0 ]; then
      # The runner failed without a failed test (a crash, a timeout): count it as a failure and keep
      # the runner's error output, because the test that was running when it failed is in no report.
      f=1
      failures+=("$name: the runner exited with code $exit_code ($(runner_exit_reason "$exit_code"))")
      while IFS= read -r line; do
        failures+=("$name:   $line")
      done < <(runner_errors "$output")
    fi
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + n))
    named=0 unexplained=0
    while IFS= read -r test_name; do
      [ -z "$test_name" ] && continue
      failures+=("$name: $test_name")
      named=$((named + 1))
      [[ "$test_name" == *"$no_message" ]] && unexplained=1
    done < <(failed_tests "$trx")
    if [ "$named" -lt "$f" ] || [ "$unexplained" -eq 1 ]; then
      # The report lacks some failures or their messages (a class cleanup failure has none), so the runner's own lines follow.
      while IFS= read -r line; do
        failures+=("$name: $line")
      done < <(console_failures "$output")
    fi
    summary+=("$name: $p passed, $f failed, $n skipped")
    if [ "$f" -gt 0 ]; then
      while IFS= read -r line; do
        service_errors+=("$name: $line")
      done < <(error_logs "$data_dir")
    fi
  fi
  rm -rf "$data_dir"
done

echo
printf '[test] %s\n' "${summary[@]}"
if [ "${#service_errors[@]}" -gt 0 ]; then
  # The last errors the services logged during the failed projects, to tell a test's fault from the platform's.
  # An offset past the start would expand to nothing, so the last 20 are sliced from a computed index.
  first=$(( ${#service_errors[@]} > 20 ? ${#service_errors[@]} - 20 : 0 ))
  printf '[test] service error: %s\n' "${service_errors[@]:first}"
fi
if [ "${#failures[@]}" -gt 0 ]; then
  # Repeated at the end so that a log cut to its last lines still names what failed.
  printf '[test] failed: %s\n' "${failures[@]}"
fi
rm -rf "$results_root"

echo "$passed passed, $failed failed, $skipped skipped"
if [ "$failed" -ne 0 ] || [ "$unreadable" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
