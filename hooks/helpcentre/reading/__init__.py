"""Reading what editors write: strict YAML that keeps every value's line, the field types that read,
check and render a value, safe Markdown, and the one message format of every mistake (`Finding`).

May import: nothing of helpcentre.
"""
