"""Bad YAML text: characters and syntax the reader refuses before any field is checked."""

from __future__ import annotations

from bad_inputs import BadInput

CASES = [
    BadInput(
        "raw-vertical-tab-in-a-unit-name",
        lambda data: data.replace("units.yml", "Ban Kinh tế – Nông nghiệp", "Ban Kinh tế\x0b– Nông nghiệp"),
        "units.yml",
        "yaml_control_character",
        {"code": "U+000B"},
    ),
    BadInput(
        "nul-byte-after-a-field-name",
        lambda data: data.replace("tasks.yml", "lead:", "lead:\x00"),
        "tasks.yml",
        "yaml_control_character",
        {"code": "U+0000"},
    ),
]
