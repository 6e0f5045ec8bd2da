"""The self-assessment block: `block.py` (the XBlock), `model.py` and `answers.py` (plain Python: the
content, and the checks and profiles of answers), `payloads.py`, `reports.py`, `templates/` and
`public/` (its assets)."""
