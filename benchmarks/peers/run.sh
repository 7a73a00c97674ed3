#!/usr/bin/env bash
# Times citation-js 0.8.2 and ScholarlyRecord on the same generated files in the same run and prints records/s and
# the ratio for each operation. Run from anywhere in a clean clone; needs the .NET SDK (global.json) and Node.js 20+.
#   benchmarks/peers/run.sh [count=10000] [cite-count=1000] [repetitions=5]
# citation-js formats APA at a few hundred records/s, so the citation line is timed on the first <cite-count> records.
# Then citeproc-js 2.4.63 and our CSL processor render an APA bibliography of CSL_COUNTS chapters (default "1000 5000")
# from the same CSL-JSON files (csl-time.mjs and the app's csl-peers subcommand), CSL_REPS passes each (default 3).
set -euo pipefail

count=${1:-10000}
cite_count=${2:-1000}
reps=${3:-5}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=${CORPUS_DIR:-$root/artifacts/peers-corpus}
app=$root/benchmarks/ScholarlyRecord.Benchmarks/bin/Release/net10.0/ScholarlyRecord.Benchmarks

echo "== npm ci (citation-js 0.8.2, from package-lock.json)" >&2
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)

echo "== dotnet build -c Release" >&2
dotnet build "$root/benchmarks/ScholarlyRecord.Benchmarks/ScholarlyRecord.Benchmarks.csproj" -c Release -nologo -v quiet >&2

echo "== corpus: $count and $cite_count records" >&2
"$app" corpus "$count" "$corpus" >&2
if [ "$cite_count" != "$count" ]; then "$app" corpus "$cite_count" "$corpus" --formats csl,jsonl >&2; fi

echo "== timing citation-js ($reps repetitions after a warm-up)" >&2
theirs=$(node "$here/time.mjs" "$corpus" "$count" "$cite_count" "$reps")
echo "== timing ScholarlyRecord ($reps repetitions after a warm-up)" >&2
ours=$("$app" peers "$corpus" "$count" "$cite_count" "$reps")

csl_counts=${CSL_COUNTS:-1000 5000}
csl_reps=${CSL_REPS:-3}
for n in $csl_counts; do
  if [ "$n" != "$count" ] && [ "$n" != "$cite_count" ]; then "$app" corpus "$n" "$corpus" --formats csl,jsonl >&2; fi
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

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Runtimes: .NET $(dotnet --version) SDK, Node.js $(node --version), citation-js 0.8.2, citeproc-js 2.4.63"
echo
node "$here/table.mjs" <(printf '%s\n' "$theirs") <(printf '%s\n' "$ours")
