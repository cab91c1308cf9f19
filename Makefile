# churnsim — the two entry points README promises, plus helpers.
.PHONY: setup build demo test bench bench-quick clean

setup:
	@bash scripts/setup.sh

build: setup
	swift build -c release

## Installs what is missing, builds, runs the bundled example scenario and says where the report is.
demo: build
	.build/release/churnsim run Scenarios/example.yaml

## Installs what is missing, builds and runs every test.
test: setup
	swift test

clean:
	rm -rf .build
