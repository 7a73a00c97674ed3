#!/usr/bin/env bash
# Times citation-js 0.8.2 and ScholarlyRecord on the same generated files in the same run and prints records/s and
# the ratio for each operation. Run from anywhere in a clean clone; needs the .NET SDK (global.json) and Node.js 20+.
#   benchmarks/peers/run.sh [count=10000] [cite-count=1000] [repetitions=5]
# citation-js formats APA at a few hundred records/s, so the citation line is timed on the first <cite-count> records.
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

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Runtimes: .NET $(dotnet --version) SDK, Node.js $(node --version), citation-js 0.8.2"
echo
node "$here/table.mjs" <(printf '%s\n' "$theirs") <(printf '%s\n' "$ours")
