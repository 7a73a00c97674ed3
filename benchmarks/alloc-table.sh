#!/usr/bin/env bash
# The allocation table of issue 15: bytes allocated per record for every read and write (BibTeX, RIS, CSL-JSON,
# EndNote, schema.org, our JSON Lines: FormatBenchmarks; Crossref read: CrossrefReadBenchmarks), one command:
#   benchmarks/alloc-table.sh
# SCHOLARLYRECORD_BENCH_QUICK=1 (one warm-up, three single-invocation iterations, in process) because the allocation
# columns are exact whatever the load; the timing columns of this run are not to be quoted. The reports are copied to
# benchmarks/results/*-alloc-report-github.md.
set -euo pipefail
cd "$(dirname "$0")/.."
nice -n 10 dotnet build benchmarks/ScholarlyRecord.Benchmarks -c Release --nologo -v q
SCHOLARLYRECORD_BENCH_QUICK=1 nice -n 10 benchmarks/ScholarlyRecord.Benchmarks/bin/Release/net10.0/ScholarlyRecord.Benchmarks \
  --filter '*.FormatBenchmarks.*' '*.CrossrefReadBenchmarks.*' --inProcess
for class in FormatBenchmarks CrossrefReadBenchmarks; do
  cp "BenchmarkDotNet.Artifacts/results/ScholarlyRecord.Benchmarks.Suite.$class-report-github.md" \
     "benchmarks/results/ScholarlyRecord.Benchmarks.Suite.$class-alloc-report-github.md"
done
echo "reports: benchmarks/results/ScholarlyRecord.Benchmarks.Suite.{FormatBenchmarks,CrossrefReadBenchmarks}-alloc-report-github.md"
