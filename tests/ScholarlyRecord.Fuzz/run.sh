#!/usr/bin/env bash
# Runs one fuzz target with afl-fuzz (afl++) for a number of minutes:
#   tests/ScholarlyRecord.Fuzz/run.sh <target> <minutes>
# Targets: tests/ScholarlyRecord.Fuzz/run.sh list. Set-up and reading the results: README.md beside this script.
# Output goes to $FUZZ_WORK (default: artifacts/fuzz under the repository root):
#   bin/        the published fuzzer, its copy of ScholarlyRecord.dll instrumented by sharpfuzz
#   <target>/in  the seed corpus, <target>/out afl-fuzz's findings (crashes/, hangs/, queue/, fuzzer_stats)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${FUZZ_WORK:-$root/artifacts/fuzz}"
bin="$work/bin"

publish() {
  if [[ ! -f "$bin/ScholarlyRecord.Fuzz.dll" || -n "${FUZZ_REBUILD:-}" ]]; then
    rm -rf "$bin"
    dotnet publish "$here/ScholarlyRecord.Fuzz.csproj" -c Release -o "$bin" --nologo -v quiet
    # Instrument the library only (the fuzzer's own code and the runtime stay as they are).
    (cd "$root" && dotnet tool restore >/dev/null && dotnet tool run sharpfuzz "$bin/ScholarlyRecord.dll")
  fi
}

if [[ "${1:-}" == "list" ]]; then publish; dotnet "$bin/ScholarlyRecord.Fuzz.dll" list; exit 0; fi
if [[ $# -ne 2 ]]; then echo "usage: $0 <target> <minutes>   |   $0 list" >&2; exit 2; fi
target="$1"
minutes="$2"
command -v afl-fuzz >/dev/null || { echo "afl-fuzz is missing: apt-get install -y afl++" >&2; exit 1; }
publish

in="$work/$target/in"
out="$work/$target/out"
rm -rf "$in"
dotnet "$bin/ScholarlyRecord.Fuzz.dll" seeds "$target" "$in" "$root"
dict_args=()
dict="$here/dictionaries/$target.dict"
[[ -f "$dict" ]] && dict_args=(-x "$dict")
# A run goes on from an earlier one of the same target (-i - resumes) unless FUZZ_FRESH is set.
input_args=(-i "$in")
if [[ -d "$out/default/queue" && -z "${FUZZ_FRESH:-}" ]]; then input_args=(-i -); else rm -rf "$out"; fi

export AFL_SKIP_BIN_CHECK=1            # the target is 'dotnet', not an afl-instrumented binary
export AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_NO_UI=1 AFL_QUIET=1
export AFL_FORKSRV_INIT_TMOUT=60000    # the runtime starts slowly on a busy machine
export DOTNET_TieredPGO=0
# -t: afl's own hang limit per input (ms); the fuzzer's watchdog fails any input over FUZZ_BUDGET_SECONDS (5 s) first.
nice -n "${FUZZ_NICE:-10}" afl-fuzz "${input_args[@]}" -o "$out" -t 10000 -m none -V "$((minutes * 60))" "${dict_args[@]}" \
  -- dotnet "$bin/ScholarlyRecord.Fuzz.dll" "$target" || true

stats="$out/default/fuzzer_stats"
if [[ -f "$stats" ]]; then
  grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|edges_found|total_edges|bitmap_cvg|saved_crashes|saved_hangs) ' "$stats"
  echo "crashes: $(find "$out/default/crashes" -type f ! -name README.txt 2>/dev/null | wc -l)  hangs: $(find "$out/default/hangs" -type f 2>/dev/null | wc -l)"
fi
