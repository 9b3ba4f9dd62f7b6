# Conveniences; the README's two commands need none of this.
.PHONY: release bench test format lint
release:
	scripts/release
bench:
	swift build -c release && .build/release/taller-bench --write docs/BENCHMARKS.md
test:
	swift test
format:
	swift format format -i -r Sources Tests Benchmarks Fuzz/Sources Package.swift Fuzz/Package.swift
lint:
	swift format lint --strict -r Sources Tests Benchmarks Fuzz/Sources Package.swift Fuzz/Package.swift
