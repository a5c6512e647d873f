"""Search tuned for shoppers: each question a result of its own, the index read faster, and the
forgiving search's browser files.

May import: reading, content, publishing.
"""
