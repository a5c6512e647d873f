"""The help centre generator: a shop's policies.yaml and content/ in, the pages and checks of a help centre out.

One package per capability, in layers: a package imports only the packages its docstring's "May import"
line names, all of them below it (tests/test_layers.py keeps this true). From the bottom up:

- reading: reading what editors write (strict YAML with lines, field types, the one message format)
- policy: the shop's policies.yaml and its country's holidays
- content: the topics and pages editors write, their placeholders and links, the rules for their text
- publishing: what the site ships besides the pages (file names, the security policy, structured data)
- dates: the order dates calculator, its forms and data, the last order dates and the notice
- search: search tuned for shoppers
- law: consumer law as data, and the advice it gives on the policies
- starting: make new-shop (a shop folder from its country's defaults) and the content kit's questions
- review: the checking pass that makes a help centre, and the editors' tools (check, diff, preview, schemas)

hooks/events.py, the only module that knows MkDocs, sits on top.
"""
