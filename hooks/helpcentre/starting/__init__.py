"""Starting a shop: `make new-shop` (a shop folder from a country's defaults and the content kit), and the
content kit's questions every shop is asked, compared with a shop's own answers.

May import: reading, policy, content, law.
"""
