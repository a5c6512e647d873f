"""The checking pass that makes a help centre, and the editors' tools to review their work: `make check`,
the preview's error page, `make diff` (what shoppers will see differently) and the JSON Schemas.

May import: reading, policy, content, publishing, dates, search, law, starting.
"""
