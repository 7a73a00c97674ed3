#!/usr/bin/env bash
# Times citation-js 0.8.2 (its fast path and its Cite object), pybtex and bibtexparser (when python3 imports them; on
# Debian: apt-get install python3-pybtex python3-bibtexparser) and ScholarlyRecord on the same generated files in the
# same run, at several corpus sizes so growth shows, and prints records/s, MB/s, output sizes and the ratios.
# Run from anywhere in a clean clone; needs the .NET SDK (global.json) and Node.js 20+.
#   benchmarks/peers/run.sh [counts="1000 10000 100000"] [repetitions=5]
# Counts above 10,000 get one timed pass on every side and no `new Cite` (see time.mjs). PYTHON picks the interpreter
# (default python3); MAX_PASS_SECONDS (default 120) stops timing a Python reader on larger counts once a pass is slower.
# Then citeproc-js 2.4.63 and our CSL processor render an APA bibliography of CSL_COUNTS chapters (default "1000 5000")
# from the same CSL-JSON files (csl-time.mjs and the app's csl-peers subcommand), CSL_REPS passes each (default 3);
# CSL_COUNTS="" skips that part.
set -euo pipefail

counts=${1:-1000 10000 100000}
reps=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=${CORPUS_DIR:-$root/artifacts/peers-corpus}
app=$root/benchmarks/ScholarlyRecord.Benchmarks/bin/Release/net10.0/ScholarlyRecord.Benchmarks
python=${PYTHON:-python3}

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== npm ci (citation-js 0.8.2, from package-lock.json)" >&2
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)

echo "== dotnet build -c Release" >&2
dotnet build "$root/benchmarks/ScholarlyRecord.Benchmarks/ScholarlyRecord.Benchmarks.csproj" -c Release -nologo -v quiet >&2

for n in $counts; do
  echo "== corpus: $n records" >&2
  "$app" corpus "$n" "$corpus" >&2
done

echo "== timing citation-js ($reps repetitions after a warm-up; one pass above 10,000 records)" >&2
# shellcheck disable=SC2086
theirs=$(node "$here/time.mjs" "$corpus" "$reps" $counts)
if "$python" -c 'import pybtex' 2>/dev/null || "$python" -c 'import bibtexparser' 2>/dev/null; then
  echo "== timing pybtex / bibtexparser ($("$python" --version 2>&1))" >&2
  # shellcheck disable=SC2086
  theirs=$(printf '%s\n%s' "$theirs" "$("$python" "$here/py-time.py" "$corpus" "$reps" $counts)")
else
  echo "== $python imports neither pybtex nor bibtexparser: BibTeX read is compared with citation-js only" >&2
fi
echo "== timing ScholarlyRecord ($reps repetitions after a warm-up)" >&2
# shellcheck disable=SC2086
ours=$("$app" peers "$corpus" "$reps" $counts)

csl_counts=${CSL_COUNTS-1000 5000}
csl_reps=${CSL_REPS:-3}
if [ -n "$csl_counts" ]; then
  for n in $csl_counts; do
    case " $counts " in *" $n "*) ;; *) "$app" corpus "$n" "$corpus" --formats csl,jsonl >&2 ;; esac
  done
  data=$root/src/ScholarlyRecord/Citations/Csl/Data
  echo "== timing citeproc-js, APA bibliography of $csl_counts chapters ($csl_reps passes after a warm-up)" >&2
  # shellcheck disable=SC2086
  theirs_csl=$(node "$here/csl-time.mjs" "$corpus" "$data/styles/apa.csl" "$data/locales/locales-en-US.xml" "$csl_reps" $csl_counts)
  echo "== timing ScholarlyRecord's CSL processor, the same ($csl_reps passes after a warm-up)" >&2
  # shellcheck disable=SC2086
  ours_csl=$("$app" csl-peers "$corpus" "$csl_reps" $csl_counts)
  theirs=$(printf '%s\n%s' "$theirs" "$theirs_csl")
  ours=$(printf '%s\n%s' "$ours" "$ours_csl")
fi
# RAW_DIR=<dir> keeps the raw tab-separated lines (theirs.tsv, ours.tsv) for table.mjs to rerun on.
if [ -n "${RAW_DIR:-}" ]; then
  mkdir -p "$RAW_DIR"
  printf '%s\n' "$theirs" > "$RAW_DIR/theirs.tsv"
  printf '%s\n' "$ours" > "$RAW_DIR/ours.tsv"
fi

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load at the start: $load_start, at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Runtimes: .NET $(dotnet --version) SDK, Node.js $(node --version), citation-js 0.8.2, citeproc-js 2.4.63, $("$python" --version 2>&1)"
echo
node "$here/table.mjs" <(printf '%s\n' "$theirs") <(printf '%s\n' "$ours")
