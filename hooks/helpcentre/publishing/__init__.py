"""What the site ships to browsers besides the pages: script files named by their content, the strict
Content-Security-Policy, the structured data search engines read, and the templates' words.

May import: reading, content.
"""
