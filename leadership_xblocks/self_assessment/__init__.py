"""The self-assessment block: `block.py` (the XBlock), `model.py` (plain Python), `payloads.py`,
`reports.py`, `templates/` and `public/` (its assets)."""
