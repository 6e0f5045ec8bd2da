"""The decision-scenario model in plain Python: no XBlock, no Django.

Parsing, validation, graph algorithms, scoring and a learner's play through a
scenario live here so they can be tested in isolation and reused by the OLX checker.
"""
