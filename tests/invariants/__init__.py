"""Helpers of tests/test_invariants.py: the plans it checks (plans.py, staff_journey.py,
other_commune.py) and the checks over a built site that hold for any valid plan (site_checks.py)."""
