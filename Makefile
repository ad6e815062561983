# The two commands of the README. Both install what is missing first.
.PHONY: run test deps bench

# Build (release) and run the sample pipeline: outputs/sample/
run:
	@bash .ci/deps
	swift build -c release --product trustdata
	.build/release/trustdata run pipelines/sample.yml

# The whole test suite, including the independent read-back of written workbooks.
test:
	@bash .ci/deps --test
	swift test

deps:
	@bash .ci/deps --test

# The large-trust benchmark (see Benchmarks/README.md): medians of 3 runs.
bench:
	@bash .ci/deps
	Benchmarks/run.sh
