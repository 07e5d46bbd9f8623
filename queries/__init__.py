"""Named read-only queries: the only code that reads the database.

Each function answers one question, binds its parameters, and returns a DataFrame whose columns its
docstring lists. Filters use None for "all". Results are cached on the database's data version.
"""
