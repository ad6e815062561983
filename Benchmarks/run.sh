#!/usr/bin/env bash
# The large-trust benchmark, one command:  Benchmarks/run.sh [REPS=3] [THREADS=cores]
# Builds trustdata in release mode, generates the large fictional trust (once), compiles the C floor,
# installs pandas + XlsxWriter if missing, then runs Benchmarks/bench.py (results in Benchmarks/results/).
# Environment: BENCH_SCHOOLS (100), BENCH_PUPILS (40000), BENCH_YEARS (3), BENCH_SEED (1).
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${1:-3}
THREADS=${2:-$(nproc)}
SCHOOLS=${BENCH_SCHOOLS:-100}; PUPILS=${BENCH_PUPILS:-40000}; YEARS=${BENCH_YEARS:-3}; SEED=${BENCH_SEED:-1}
DATA=bench-data/large

swift build -c release --product trustdata >&2
swift build -c release --product trustdata-bench >&2
mkdir -p bench-data
stamp="$SCHOOLS-$PUPILS-$YEARS-$SEED-$(cat Sources/TrustData/Generate/*.swift | cksum | cut -d' ' -f1)"
if [[ "$(cat $DATA/.stamp 2>/dev/null || true)" != "$stamp" ]]; then
  echo "generating the large trust ($SCHOOLS schools, $PUPILS pupils, $YEARS years, session marks) ..." >&2
  rm -rf "$DATA"
  /usr/bin/time -f "generation: %e s wall, %M KB peak" .build/release/trustdata generate \
    --schools "$SCHOOLS" --pupils "$PUPILS" --years "$YEARS" --attendance marks --seed "$SEED" --out "$DATA" >&2
  echo "$stamp" > "$DATA/.stamp"
fi
cc -O2 -o bench-data/floor Benchmarks/floor/floor.c -lcsv $(pkg-config --cflags --libs xlsxwriter)
python3 -c "import pandas, xlsxwriter" 2>/dev/null || python3 -m pip install --quiet pandas XlsxWriter >&2
python3 Benchmarks/bench.py "$DATA" "$REPS" "$THREADS"
