"""The use cases the front ends share: load datasets and ask GraphQL documents. The CLI, the
report, the benchmark and the tests go through them, so each is assembled in one place."""
