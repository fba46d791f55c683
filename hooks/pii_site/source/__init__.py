"""Reading data/: YAML with line numbers, the schema, validation, cross-file rules, messages, news files and the status-file writer."""
