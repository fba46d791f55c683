"""Files that are not pages: the progress feed, open-data exports, the JSON Schema, search-index tuning."""
