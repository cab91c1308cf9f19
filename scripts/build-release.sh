#!/usr/bin/env bash
# Builds the release churnsim (.build/release/churnsim), the one `make build`, `make demo` and
# Benchmarks/run.sh use:
#   --static-swift-stdlib  the Swift runtime and Foundation linked in: faster start-up (less
#                          dynamic linking), and the binary runs without the Swift toolchain;
#   -target-cpu native     (x86-64) code for the processor that builds it, e.g. AVX2/AVX-512 in
#                          the batched Monte Carlo transforms: 10-15% faster there, the same
#                          numbers bit for bit (Swift never fuses a*b+c on its own, so wider
#                          vectors change no rounding). The binary then needs a processor with
#                          the same instruction sets; build on the machine that runs it, or pass
#                          CHURNSIM_TARGET_CPU=x86-64 for a portable one.
# Extra arguments go to `swift build`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
flags=()
if [[ $(uname -m) == x86_64 ]]; then
    flags=(-Xswiftc -target-cpu -Xswiftc "${CHURNSIM_TARGET_CPU:-native}")
fi
exec swift build -c release --static-swift-stdlib "${flags[@]}" "$@"
