"""The province roll-up: harvest every commune's open data (harvest.py), keep the last good copy of
each, and turn them into the province's bilingual site (rollup.py, pages.py). Plain Python like the
rest of the package: scripts/province.py is the adapter that runs MkDocs."""
