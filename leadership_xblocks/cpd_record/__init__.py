"""The CPD record block: `block.py` (the XBlock), `document.py` (the record in plain Python),
`templates/` and `public/` (its assets)."""
