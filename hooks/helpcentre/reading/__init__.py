"""Reading what editors write: strict YAML that keeps every value's line, the field types that read,
check and render a value, safe Markdown, the one message format of every mistake (`Finding`), and the
generator's words in the shop's locale (the words files).

May import: nothing of helpcentre.
"""
