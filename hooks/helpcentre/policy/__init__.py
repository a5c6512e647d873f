"""The shop's policy: the schema of policies.yaml, its values by key path, and the country's holidays.

May import: reading.
"""
