"""Order dates: the rules (business days, delivery estimates, deadlines, last order dates), the data and
files of the calculator that runs them in the shopper's browser, its forms, and the notice on every page.

May import: reading, policy, content, publishing.
"""
