#!/usr/bin/env bash
# The large-trust benchmark, one command:  Benchmarks/run.sh [PAIRS=5] [THREADS=cores]
# Builds trustdata in release mode, generates the fictional trusts (once each: the large trust of 100
# academies, 25 and 300 for the scaling table, and the large trust with autumn-term marks only), compiles
# the C floor, installs the pinned peers (Benchmarks/baseline/requirements.txt), then runs
# Benchmarks/bench.py (results in Benchmarks/results/). Environment: BENCH_SCALING=0 skips the scaling
# table; BENCH_SEED (1).
set -euo pipefail
cd "$(dirname "$0")/.."
PAIRS=${1:-5}
THREADS=${2:-$(nproc)}
SEED=${BENCH_SEED:-1}

swift build -c release --product trustdata >&2
swift build -c release --product trustdata-bench >&2
mkdir -p bench-data
generator="$(cat Sources/TrustData/Generate/*.swift | cksum | cut -d' ' -f1)"

# generate DIR SCHOOLS PUPILS [extra options]: 400 pupils an academy, three years, session marks.
generate() {
  local dir=$1 schools=$2 pupils=$3; shift 3
  local stamp="$schools-$pupils-3-$SEED-$*-$generator"
  if [[ "$(cat "$dir/.stamp" 2>/dev/null || true)" != "$stamp" ]]; then
    echo "generating $dir ($schools academies, $pupils pupils, session marks $*) ..." >&2
    rm -rf "$dir"
    /usr/bin/time -f "generation: %e s wall, %M KB peak" .build/release/trustdata generate \
      --schools "$schools" --pupils "$pupils" --years 3 --attendance marks --seed "$SEED" "$@" --out "$dir" >&2
    echo "$stamp" > "$dir/.stamp"
  fi
}
generate bench-data/large 100 40000
scaling=()
if [[ "${BENCH_SCALING:-1}" != 0 ]]; then
  generate bench-data/scale-25 25 10000
  generate bench-data/scale-300 300 120000
  generate bench-data/large-autumn 100 40000 --marks-through 2024-12-20
  scaling=(--scale 25:bench-data/scale-25 100:bench-data/large 300:bench-data/scale-300 --short-marks bench-data/large-autumn)
fi
cc -O2 -o bench-data/floor Benchmarks/floor/floor.c -lcsv $(pkg-config --cflags --libs xlsxwriter)
python3 -m pip install --quiet --disable-pip-version-check -r Benchmarks/baseline/requirements.txt 2>/dev/null \
  || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages -r Benchmarks/baseline/requirements.txt
python3 Benchmarks/bench.py --data bench-data/large --pairs "$PAIRS" --threads "$THREADS" "${scaling[@]}"
# The workbook-input benchmark (1-million-cell .xlsx import, memory flat in file size).
python3 Benchmarks/bench_xlsx.py --data bench-data/large --runs "$PAIRS"
