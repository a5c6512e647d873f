"""What editors write besides the policy: the topic files and Markdown pages, the placeholders in them,
the links between answers, the rules for their text and copy, and the contact lines.

May import: reading.
"""
