# Conveniences; the README's two commands need none of this.
.PHONY: release bench test
release:
	scripts/release
bench:
	swift build -c release && .build/release/taller-bench --write docs/BENCHMARKS.md
test:
	swift test
