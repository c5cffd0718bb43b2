"""Ingestion: any council's governance documents (PDF, HTML, Word, text) in, a valid
dataset out. `read` turns a file into numbered lines, `classify` says what kind of
document it is, the extractors (`minutes`, `plans`, `structure`) read facts from the
lines, `resolve` joins names across documents, and `write` turns facts into canonical
records in a dataset directory, with everything uncertain in its review.yaml."""
