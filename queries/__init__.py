"""The accountability questions as named, parameterised Cypher, one round trip each.

Shared by the GraphQL API, the review report and the benchmark.
"""
