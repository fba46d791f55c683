"""The PII plan site: load a commune's plan from YAML, validate it, and render bilingual pages.

Plain Python: nothing here imports MkDocs. The MkDocs hooks, the scripts and the tests are thin
adapters around `load_plan` and `pii_site.pages.render_site`.
"""

from pii_site.errors import DataError, Problem
from pii_site.loader import load_plan
from pii_site.model import Plan

__all__ = ["DataError", "Problem", "Plan", "load_plan"]
