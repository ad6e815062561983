# The two commands of the README. Both install what is missing first.
.PHONY: run test deps bench bench-xlsx peers-check

# Build (release) and run the sample pipeline: outputs/sample/
run:
	@bash .ci/deps
	swift build -c release --product trustdata
	.build/release/trustdata run pipelines/sample.yml

# The whole test suite, including the independent read-back of written workbooks.
test:
	@bash .ci/deps --test
	swift test
	$(MAKE) --no-print-directory peers-check

deps:
	@bash .ci/deps --test

# The benchmark's three peers (pandas, polars, DuckDB) on the sample: their figures must equal
# trustdata's measures.csv and every cell they write must be read back (about 15 s; see Benchmarks/README.md).
peers-check:
	swift build --product trustdata
	.build/debug/trustdata run pipelines/sample.yml --quiet
	python3 Benchmarks/check_peers.py outputs/sample inputs/sample

# The large-trust benchmark (see Benchmarks/README.md): trustdata paired run by run with each peer and
# the C floor (5 pairs), and the scaling table.
bench:
	@bash .ci/deps
	Benchmarks/run.sh

# The workbook-input benchmark alone (Benchmarks/bench_xlsx.py): a 1-million-cell .xlsx roster imported
# (target <= 3 s) and the reader's peak memory at 1, 2 and 4 million cells (flat). Needs bench-data/large
# (made by `make bench`, or: .build/release/trustdata generate --schools 100 --pupils 40000 --years 3 --out bench-data/large).
bench-xlsx:
	@bash .ci/deps
	swift build -c release --product trustdata-bench
	python3 Benchmarks/bench_xlsx.py --data bench-data/large
