"""The data schema (pydantic models): one source of truth for validation and the exported JSON Schema."""
