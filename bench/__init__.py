"""Reproducible benchmarks. Each script prints its figures; BENCHMARKS.md keeps the latest."""
