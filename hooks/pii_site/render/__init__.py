"""The rendering layer below pages/ and outputs/: the Jinja environments and their filters
(templating.py), the templates of every page and generated file (templates/), and what both the
pages and the site's frame show (contacts.py: the footer and a unit's contacts).
"""
