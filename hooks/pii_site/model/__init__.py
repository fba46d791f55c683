"""The Plan built from validated data, and what is derived from it: progress rollups, the worked example."""
