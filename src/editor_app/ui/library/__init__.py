"""The library: every article in a table, filters, search, trash."""
