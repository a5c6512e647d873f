"""What the site ships to browsers besides the pages: script files named by their content, the strict
Content-Security-Policy, and the structured data search engines read.

May import: reading, content.
"""
