"""The use cases every front end shares: load datasets, ask GraphQL documents, say whether
the graph is ready. The CLI, the app, the report, the benchmark and the tests go through
them, so each is assembled in one place."""
