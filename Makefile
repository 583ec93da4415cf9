# Two commands for a fresh machine: `make start` (course running) and `make test` (everything tested).
# Everything lives in .venv; a stamp file makes a second run skip what is already installed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
# nbgrader calls helper programs (alembic) by name, so the environment's bin comes first.
export PATH := $(CURDIR)/$(BIN):$(PATH)
BOOK   := _build/html/index.html

.PHONY: voikko trainer start install install-test book slides slides-js pdf locales notebooks test test-fast test-browser chromium proxy lint bench demo-grading clean help

help:
	@echo "make start      set up .venv, build the book, start JupyterLab and print the URLs"
	@echo "make trainer    the trainer's JupyterLab in assignments/, with the formgrader"
	@echo "make test       install test needs (chromium too), lint (ruff, mypy) and run every test"
	@echo "make test-fast  every test except the browser tests"
	@echo "make test-browser  only the browser tests (chromium, JupyterLab, the book)"
	@echo "make book       build the Jupyter Book into _build/html/{en,fi,sv} with a landing page"
	@echo "make slides     one reveal.js deck per module into _build/slides (works offline)"
	@echo "make locales    update the Finnish and Swedish catalogues (locales/) from the English pages"
	@echo "make notebooks  write the fi/sv notebooks and assignments from the English ones and the catalogues"
	@echo "make pdf        the book as one printable PDF in _build/pdf (Debian chromium)"
	@echo "make bench      run the benchmarks and print their figures"
	@echo "make demo-grading  a synthetic cohort through the whole grading cycle, with a report"

$(STAMP): requirements.txt pyproject.toml lab-language/pyproject.toml $(wildcard lab-language/po/*.po)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# lab-language/ replaces PyPI's Finnish pack (same module): remove an old one first.
	$(PY) -m pip uninstall --quiet --yes jupyterlab-language-pack-fi-FI 2>/dev/null || true
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

install: $(STAMP)

$(TSTAMP): $(STAMP) requirements-test.txt requirements-hub.txt
	$(PY) -m pip install --quiet -r requirements-test.txt -r requirements-hub.txt
	touch $@

install-test: $(TSTAMP) chromium voikko proxy slides-js

# The JupyterHub test needs configurable-http-proxy from npm, installed into .venv/node (nothing global).
CHP := $(VENV)/node/node_modules/.bin/configurable-http-proxy
proxy:
	@test -x $(CHP) || { command -v npm >/dev/null 2>&1 \
	  && npm install --prefix $(VENV)/node --no-fund --no-audit --silent configurable-http-proxy@5 \
	  || echo "WARNING: npm is missing or failed; the JupyterHub test (tests/hub) will be skipped (a failure in CI)."; }
	@test -d $(VENV)/node/node_modules/oidc-provider || { command -v npm >/dev/null 2>&1 \
	  && npm install --prefix $(VENV)/node --no-fund --no-audit --silent oidc-provider@8 \
	  || echo "WARNING: npm is missing or failed; the OpenID Connect login test (tests/hub/test_logins.py) will be skipped."; }

# Browser tests need Debian's chromium; browsers cannot be downloaded by Playwright here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian chromium for the browser tests..."; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo"; \
	  ($$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null) \
	  || echo "WARNING: chromium could not be installed; browser tests will be skipped (a failure in CI)."; }

# The outcome coach reads Finnish with Voikko (Debian libvoikko1 + voikko-fi; Binder: binder/apt.txt).
# Without it the coach falls back to pure-Python rules (DEVELOPERS.md, "Finnish morphology").
voikko:
	@{ ls /usr/lib/*/libvoikko.so.1 && { test -d /usr/lib/voikko || test -d /usr/share/voikko; }; } >/dev/null 2>&1 || { \
	  echo "Installing Debian libvoikko1 and voikko-fi for the outcome coach..."; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo"; \
	  ($$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libvoikko1 voikko-fi >/dev/null) \
	  || echo "WARNING: Voikko could not be installed; the outcome coach uses its fallback for Finnish."; }

# The one setting behind every launch button is repository.url in _config.yml; until the course
# is published there, the buttons lead nowhere.
PLACEHOLDER_REPO := github.com/microcred-kit/microcred-coach
# Three editions (en, fi, sv) from one source, each with warnings as errors, and a landing page
# that opens the reader's language (book/_ext/editions.py; translations in locales/).
book: $(STAMP)
	@! grep -q "url: https://$(PLACEHOLDER_REPO)" _config.yml || echo "WARNING: repository.url in _config.yml is still the placeholder $(PLACEHOLDER_REPO): the book's Binder buttons will not work until it names the repository where the course is published."
	@for lang in en fi sv; do $(PY) book/_ext/editions.py build $$lang --strict || exit 1; done
	$(PY) book/_ext/editions.py landing
	@$(PY) book/_ext/editions.py status --summary
	@echo "Book: file://$(CURDIR)/$(BOOK)"

# Webinar slides from the module pages. reveal.js, RequireJS and jQuery come from npm into
# .venv/slides (nothing global) and are copied beside the decks, so that they work offline.
SLIDES_JS := $(VENV)/slides/node_modules
$(SLIDES_JS)/reveal.js/dist/reveal.js:
	npm install --prefix $(VENV)/slides --no-fund --no-audit --silent reveal.js@4 requirejs@2 jquery@3

# The browser tests open a deck (tests/browser/test_slides.py): `make test` installs the scripts.
slides-js: $(SLIDES_JS)/reveal.js/dist/reveal.js

slides: $(STAMP) slides-js
	$(PY) -m microcred slides --out _build/slides --node-modules $(SLIDES_JS)
	@echo "Slides: file://$(CURDIR)/_build/slides/"

# After editing the English pages: extract their text and update the fi/sv catalogues
# (locales/<lang>/LC_MESSAGES/*.po), then translate what is new or fuzzy there.
locales: install-test
	$(PY) book/_ext/editions.py catalogues
	$(PY) book/_ext/notebook_editions.py catalogues
	@$(PY) book/_ext/editions.py status

# After translating: notebooks/{fi,sv}/ and assignments/source/<name>-{fi,sv}/ from the English
# notebooks and the catalogues (book/_ext/notebook_editions.py; tests/test_notebook_editions.py).
notebooks: $(STAMP)
	$(PY) book/_ext/notebook_editions.py write

# The book as one PDF for printed handouts. Jupyter Book's `--builder pdfhtml` prints with
# Playwright's own browser, which is not installed here (only Debian's chromium is), so the same
# two steps by hand: the book as one HTML page, printed by chromium. The page is written to
# singlehtml/book/index.html (the book's root page is book/index) but links its styles and
# images from singlehtml/, so it is printed from a copy there.
PDF_OUT ?= .
SINGLE  := $(abspath $(PDF_OUT))/_build/singlehtml
PDF     := $(abspath $(PDF_OUT))/_build/pdf/microcred-course.pdf
pdf: $(STAMP) chromium
	$(BIN)/jupyter-book build . --builder singlehtml --keep-going --path-output $(PDF_OUT)
	cp $(SINGLE)/book/index.html $(SINGLE)/print.html
	@mkdir -p $(dir $(PDF))
	SANDBOX=""; [ "$$(id -u)" = 0 ] && SANDBOX="--no-sandbox"; \
	chromium --headless $$SANDBOX --disable-gpu --no-pdf-header-footer \
	  --generate-pdf-document-outline --virtual-time-budget=30000 \
	  --print-to-pdf="$(PDF)" "file://$(SINGLE)/print.html"
	@echo "PDF: $(PDF)"

# A participant's JupyterLab: the hub's participant profile (no nbgrader trainer tools, no news
# pop-up), as on Binder (binder/postBuild).
start: voikko book
	@PORT=$$($(PY) -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
	TOKEN=$$($(PY) -c 'import secrets; print(secrets.token_hex(16))'); \
	ROOT=""; [ "$$(id -u)" = 0 ] && ROOT="--allow-root"; \
	echo ""; \
	echo "  Course book : file://$(CURDIR)/$(BOOK)"; \
	echo "  JupyterLab  : http://127.0.0.1:$$PORT/microcred/lab/en/notebooks/welcome.ipynb?token=$$TOKEN"; \
	echo "  suomeksi    : http://127.0.0.1:$$PORT/microcred/lab/fi/notebooks/fi/welcome.ipynb?token=$$TOKEN"; \
	echo "  på svenska  : http://127.0.0.1:$$PORT/microcred/lab/sv/notebooks/sv/welcome.ipynb?token=$$TOKEN"; \
	echo "  (Ctrl-C stops JupyterLab)"; \
	echo ""; \
	export JUPYTER_CONFIG_PATH="$(CURDIR)/deploy/jupyterhub/participant$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}"; \
	exec $(BIN)/jupyter lab --no-browser --ip=127.0.0.1 --port=$$PORT $$ROOT \
	  --ServerApp.token=$$TOKEN --ServerApp.root_dir="$(CURDIR)" \
	  --LabApp.default_url=/lab/tree/notebooks/welcome.ipynb

# The trainer's JupyterLab: started in the course folder (TRAINER_DIR, where nbgrader_config.py
# is), so that the formgrader finds the course, with nbgrader's trainer tools switched on
# (deploy/jupyterhub/local-trainer/ overrides settings that hide them from participants).
TRAINER_DIR ?= assignments
trainer: $(STAMP)
	@test -f "$(TRAINER_DIR)/nbgrader_config.py" || { echo "$(TRAINER_DIR): no nbgrader_config.py (give TRAINER_DIR=the course folder)"; exit 2; }
	@PORT=$${TRAINER_PORT:-$$($(PY) -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}; \
	TOKEN=$${TRAINER_TOKEN:-$$($(PY) -c 'import secrets; print(secrets.token_hex(16))')}; \
	ROOT=""; [ "$$(id -u)" = 0 ] && ROOT="--allow-root"; \
	echo ""; \
	echo "  Formgrader : http://127.0.0.1:$$PORT/formgrader?token=$$TOKEN"; \
	echo "  JupyterLab : http://127.0.0.1:$$PORT/lab?token=$$TOKEN  (Nbgrader menu: Formgrader)"; \
	echo "  course     : $(abspath $(TRAINER_DIR))  (Ctrl-C stops JupyterLab)"; \
	echo ""; \
	cd "$(TRAINER_DIR)" && JUPYTER_CONFIG_DIR="$(CURDIR)/deploy/jupyterhub/local-trainer" \
	exec "$(CURDIR)/$(BIN)/jupyter" lab --no-browser --ip=127.0.0.1 --port=$$PORT $$ROOT \
	  --ServerApp.token=$$TOKEN --ServerApp.root_dir=.

# Lint and types first (seconds), then every test in one run, in parallel (pytest-xdist, one
# worker per core, a file at a time, so that a notebook's cells share one kernel). The book is
# built once for the whole run, by the first worker that needs it (tests/helpers/book.py). In CI
# (CI=true) a skipped required test fails. The slowest tests are listed at the end.
test: install-test lint
	$(BIN)/pytest -n auto --dist loadfile --no-loadscope-reorder --durations=25

test-fast: install-test
	$(BIN)/pytest -n auto --dist loadfile --no-loadscope-reorder -m "not browser"

# Only the browser tests (JupyterLab widgets, built book, accessibility): about 3 minutes.
test-browser: install-test
	$(BIN)/pytest tests/browser

lint: install-test
	$(BIN)/ruff check microcred tests bench
	$(BIN)/mypy

bench: $(STAMP)
	@for f in bench/bench_*.py; do echo "== $$f"; $(PY) $$f || exit 1; done

# Nine made-up participants (good, partial, empty, late, damaged file, changed test cell, endless
# loop, code in an answer, no hand-in) through roster, vetting, autograde, feedback and report.
demo-grading: $(STAMP)
	$(PY) -m microcred grading demo --out _build/demo-grading

clean:
	rm -rf _build .pytest_cache test-output
