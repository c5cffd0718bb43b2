"""The governance review and the exports: what queries/ answers, written for people to read
and for other tools to load."""
