"""The decision-scenario block: `block.py` and `cohort.py` (the XBlock side), and the model in
plain Python, no XBlock, no Django: parsing, validation, graph algorithms, scoring and a learner's
play through a scenario, tested in isolation and reused by the OLX checker; `payloads.py` and
`reports.py` build what the browser and the reports receive.
"""
