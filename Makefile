# Set-up on a fresh machine is two commands: `make serve` and `make test`.
# Building, previewing and validating install only what building needs (requirements.lock);
# `make test` adds the tests, lint and type tools (requirements-test.lock, a superset of it).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# A stamp per set, named after the checksum of what it was installed from: an edit to a lock file
# (or to pyproject.toml) changes the name, so the set is installed again.
BUILD_STAMP := $(VENV)/.installed-build-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
TEST_STAMP := $(VENV)/.installed-test-$(shell cat requirements.lock requirements-test.lock pyproject.toml | cksum | cut -d' ' -f1)
# Material prints an end-of-life banner on every run; it is known (see README).
export NO_MKDOCS_2_WARNING := 1
# Many container images set PYTHONDONTWRITEBYTECODE: every run would then compile the libraries again
# (the venv is installed --no-compile, below) and pytest would rewrite every test module again, a third
# of `make check`. The compiled files go to __pycache__/ folders, which git ignores.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: install install-test static serve demo build validate forms report report-template check test benchmark lock schema clean

## What building needs: MkDocs, Material, pydantic, and the package from hooks/.
install: $(BUILD_STAMP)

## That, plus pytest, the browser and HTML checkers, ruff and mypy (for `make test` and `make check`).
install-test: $(TEST_STAMP)

# --no-compile: Python compiles what a build imports on first use (a fraction of the tree), so the
# venv stays small and the install quicker. The package is used where it is, as an editable install
# would, through a .pth file naming hooks/: the same import path without a build backend run (7 s of a
# fresh set-up). setuptools comes with the venv but nothing runs on it, so it goes.
PIP_INSTALL := $(BIN)/python -m pip install --quiet --no-compile
$(BUILD_STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || { echo "Python's venv module is missing: on Debian run 'apt-get install python3-venv' (as root), then try again."; exit 1; }
	rm -f $(VENV)/.installed-*
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) --require-hashes -r requirements.lock
	$(BIN)/python -c 'import pathlib, sysconfig; pathlib.Path(sysconfig.get_path("purelib"), "pii_site.pth").write_text(str(pathlib.Path("hooks").resolve()) + "\n")'
	$(BIN)/python -m pip uninstall --quiet --yes setuptools
	touch $@

$(TEST_STAMP): $(BUILD_STAMP) requirements-test.lock
	rm -f $(VENV)/.installed-test-*
	$(PIP_INSTALL) --require-hashes -r requirements-test.lock
	touch $@

## Preview both languages at http://127.0.0.1:$(PORT)/, rebuilding on edits to data/, docs/, hooks/;
## open pages reload themselves once rebuilt.
## Another port when 8000 is taken: make serve PORT=8001 (make demo PORT=8002 likewise).
PORT ?= 8000
serve: install
	$(BIN)/python scripts/serve.py --port $(PORT)

## Preview data/ with the illustrative progress and news of tests/fixtures/demo laid over it in a
## temporary folder (every page says so), seen from a fixed day so that "overdue" and "no update
## for 90 days" do not change with the calendar.
DEMO_TODAY := 2026-11-26
demo: install
	PII_TODAY=$(DEMO_TODAY) $(BIN)/python scripts/serve.py --overlay tests/fixtures/demo --site-dir site.demo --port $(PORT)

## Build the complete site (both languages) into site/.
build: install
	$(BIN)/python scripts/build.py

## Check data/ and explain every problem.
validate: install
	$(BIN)/python scripts/validate.py

## ROUND: a reporting round of data/reporting.yml (the current one when left out); OUT: where to write.
ROUND ?=
OUT ?=

## Write each reporting unit's blank report form (.xlsx) into a folder, for a round of data/reporting.yml
## (default: the current one): make forms ROUND=2026-q3 OUT=forms-2026-q3
forms: install
	$(BIN)/python scripts/forms.py --out "$(or $(OUT),forms)" $(if $(ROUND),--round "$(ROUND)")

## The compiled report of a reporting round (data/reporting.yml), a Word file in the format of Decree 30/2020:
## make report ROUND=2026-q2 OUT=bao-cao.docx (ROUND: the current round when left out; OUT: bao-cao-<round>.docx).
report: install
	$(BIN)/python scripts/report.py $(if $(ROUND),--round "$(ROUND)") $(if $(OUT),--out "$(OUT)")

## Remake the report's Word template (hooks/pii_site/outputs/templates/bao-cao.docx) after editing
## scripts/maintainer/make_report_template.py; the same bytes every run, so git shows whether it changed.
report-template: install
	$(BIN)/python scripts/maintainer/make_report_template.py

## The fast tier, to run while working: lint, format, types, and every test that needs neither a
## browser, Java nor LibreOffice (markers `browser`, `html_checker`, `office`, set in tests/conftest.py),
## builds no whole site (marker `site`: pages are checked as golden Markdown instead) and takes no
## seconds of its own (marker `slow`: builds in other processes, racing writers, random inputs).
## Tests run in one process per core (TEST_WORKERS=0: all in this process, e.g. for pdb): here test by test;
## in `make test` a file's tests in one process, so that its module's builds and browser visits are made once.
TEST_WORKERS ?= auto
PYTEST := $(BIN)/python -m pytest -n $(TEST_WORKERS)
check: static
	$(PYTEST) --dist load -q -m "not browser and not html_checker and not office and not slow and not site"

## Lint, format and types; `make check` and `make test` (hence CI) both start with it.
static: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## Run every test, browser tests included (they need Debian's chromium-headless-shell, Java for the HTML checker, and
## LibreOffice (Calc re-saves the report forms, Writer prints the compiled report to PDF) with poppler's tools).
test: static
	@test -x /usr/bin/chromium-headless-shell || { echo "The browser tests need Debian's headless Chromium at /usr/bin/chromium-headless-shell: run 'apt-get install chromium-headless-shell' (as root), then try again."; exit 1; }
	@command -v java >/dev/null || { echo "The HTML checker needs Java: run 'apt-get install default-jre-headless' (as root), then try again."; exit 1; }
	@command -v soffice >/dev/null || { echo "The report tests need LibreOffice: run 'apt-get install libreoffice-calc-nogui libreoffice-writer-nogui' (as root), then try again."; exit 1; }
	@command -v pdftoppm >/dev/null || { echo "The report tests read the PDF with poppler's tools: run 'apt-get install poppler-utils' (as root), then try again."; exit 1; }
	$(PYTEST) --dist loadfile

## Our build against a bare Material build of the same pages, on the real data and synthetic plans of 200 and
## 1,500 tasks (table, JSON). Options: make benchmark BENCHMARK_ARGS="--sizes real,200 --runs 1 --keep",
## or BENCHMARK_ARGS="--profile 200" for the package's top entries under cProfile; BENCHMARK_ARGS="--province 102,3321"
## times the province roll-up (harvest from loopback, unchanged re-harvest, build) on synthetic communes.
## Then the report forms' targets (scripts/maintainer/forms_benchmark.py: making 102 forms, reading 102 filled ones, a
## build with them against one without) and the compiled report (make report) on synthetic plans of 200 and
## 1,500 tasks (target: ≤ 20 s at 1,500); its options: REPORT_BENCHMARK_ARGS="--sizes 1500 --runs 1".
BENCHMARK_ARGS ?=
REPORT_BENCHMARK_ARGS ?=
benchmark: install
	$(BIN)/python scripts/maintainer/benchmark.py $(BENCHMARK_ARGS)
	$(BIN)/python scripts/maintainer/forms_benchmark.py
	$(BIN)/python scripts/maintainer/report_benchmark.py $(REPORT_BENCHMARK_ARGS)

## Re-resolve both lock files after changing dependencies in pyproject.toml. The test set is
## resolved within the build set's versions, so installing it never changes what builds the site.
## Versions already in a lock file are kept unless pyproject.toml asks otherwise (uv's default).
LOCK_OPTIONS := --generate-hashes --universal --python-version 3.11 --no-header --quiet
lock: install
	$(BIN)/python -m pip install --quiet uv==0.13.8
	$(BIN)/uv pip compile pyproject.toml $(LOCK_OPTIONS) -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra test -c requirements.lock $(LOCK_OPTIONS) -o requirements-test.lock

## Rewrite data/schema/ after changing hooks/pii_site/source/schema/plan.py.
schema: install
	$(BIN)/python scripts/maintainer/export_schema.py

clean:
	rm -rf site site.new site.old site.demo site.demo.new site.demo.old .pytest_cache .cache
