"""Consumer law as data (law/*.yaml), the policy advice it gives, and the "Your legal rights" answer.

May import: reading, policy, content, dates.
"""
