"""The PII plan site: load a commune's plan from YAML, validate it, and render bilingual pages.

Plain Python: nothing here imports MkDocs. The MkDocs hooks, the scripts and the tests are thin
adapters around `load_plan` and `pii_site.pages.render_site`. Each folder imports only from its own
layer or those below it: i18n < source < settings < model < render < (pages | outputs) < province <
(overlay | this module); tests/test_layers.py checks it, and that nothing here reads the environment
but Settings.from_environ.
"""

from pii_site.model.load import load_plan
from pii_site.model.plan import Plan
from pii_site.source.errors import DataError, Problem

__all__ = ["DataError", "Problem", "Plan", "load_plan"]
