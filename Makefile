# The two set-up commands are `make run` and `make test`; everything else here is for developers.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && echo $$p && break; done)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
MANAGE := $(BIN)/python manage.py

# Python's default, whatever the shell says: each module is compiled once and its bytecode kept in
# __pycache__ (git-ignored) for every later process. Some container images set
# PYTHONDONTWRITEBYTECODE, and then each of the hundreds of Python processes `make test` starts
# (pytest's workers, manage.py, gunicorn, the fresh clone's `make run`) compiled every module again,
# and pytest rewrote every test module's asserts again in each worker (docs/benchmarks.md).
unexport PYTHONDONTWRITEBYTECODE

# Tests run with DEBUG off, as production does.
TEST_ENV := DEBUG=0 SECRET_KEY=test-only-secret-key-not-for-production \
	ALLOWED_HOSTS=testserver,localhost,127.0.0.1 SECURE_COOKIES=0
RUN_ENV := DEBUG=$${DEBUG:-1}

.PHONY: run test suite venv lint pytest fuzz audit bench wrk chromium gettext java axe screenshots clean catalogs messages pango

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; \
		print("\n".join(p["dependencies"] + p["optional-dependencies"]["dev"]))' > $(VENV)/requirements.txt
	$(BIN)/python -m pip install -q -r $(VENV)/requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

venv: $(STAMP)

# Development settings for this checkout (DEBUG=1, a generated SECRET_KEY), read by
# backend/settings.py, so every `.venv/bin/python manage.py ...` of the docs works as written.
# Written only when missing; git-ignored. Each loading step of start_up adds what is missing and
# leaves what staff have changed since (one line says so), so a database staff have used starts.
LOCAL_ENV := .env.local
$(LOCAL_ENV): | $(STAMP)
	$(BIN)/python -m backend.env $@

# start_up: migrate, load_standard, import_translations --keep-existing, load_comment_periods,
# ensure_demo (not with DEMO=0), in one process.
# Beside the server, a Celery worker (with its beat) delivers notifications from the outbox; its
# broker is a folder (var/broker) and mail goes to var/mail/*.eml unless EMAIL_URL says otherwise.
# Both stop together.
run: venv catalogs $(LOCAL_ENV)
	$(MANAGE) start_up $$([ "$${DEMO:-1}" = 0 ] && echo --no-demo)
	@echo "Notifications: a worker runs beside the server; mail is written to var/mail/."
	$(BIN)/celery -A backend worker --beat --pool solo --loglevel WARNING & worker=$$!; \
		trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
		$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(TEST_ENV) $(MANAGE) check --fail-level WARNING
	$(TEST_ENV) $(MANAGE) makemigrations --check --dry-run

# The fuzzer, the audit and the suite run side by side: the fuzzer and the audit wait on their
# servers and browsers about a third of the time, and the suite, at the lowest CPU priority, takes
# what they leave (tests/side_by_side.py), so Lighthouse's timings are measured as without it.
# In CI (CI=true: the fuzzer's and Hypothesis's whole budgets) the three run one after another:
# on PostgreSQL the suite's queries run in the server at normal priority, and beside the larger
# fuzzing they pushed the fuzzer past its time budget and Lighthouse under its threshold; on a
# slower machine (CI runs on the session's own) the larger fuzzing beside Lighthouse did the same.
# Locally the lint steps run beside them too (their output first), instead of on one core first.
test: venv catalogs $(if $(CI),lint) chromium gettext java axe pango
	$(if $(CI),$(MAKE) fuzz && $(MAKE) audit,$(BIN)/python -m tests.side_by_side lint fuzz audit --below suite)
	$(if $(CI),$(TEST_ENV) $(BIN)/pytest -n 2 $(ARGS))

# The whole suite, on both cores, without the lint steps, the fuzzer or the audit.
suite: venv catalogs pango
	$(TEST_ENV) $(BIN)/pytest -n 2 $(ARGS)

# `make pytest ARGS="tests/api -k etag"`: the suite or a part of it, without the lint steps.
pytest: venv catalogs pango
	$(TEST_ENV) $(BIN)/pytest $(ARGS)

# Debian's chromium (Lighthouse, screenshots) and its headless shell, the same build without the
# browser's windowing layers (the browser tests); no browser download is possible or needed.
chromium:
	@test -x /usr/bin/chromium && test -x /usr/bin/chromium-headless-shell || { \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				chromium chromium-headless-shell >/dev/null; \
		else \
			echo "Browser tests need Debian's chromium: sudo apt-get install chromium chromium-headless-shell"; \
		fi; }

# Pango and a font for WeasyPrint (the disposition report's PDF): Debian's, as WeasyPrint's own
# wheel loads them from the system.
pango:
	@/sbin/ldconfig -p | grep -q libpangoft2-1.0 && fc-list | grep -qi dejavu || { \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null; \
		else \
			echo "The PDF tests need Pango: sudo apt-get install libpangoft2-1.0-0 fonts-dejavu-core"; \
		fi; }

# GNU gettext (msgfmt, msgcat) for the PO checks of the suite (tests/i18n).
gettext:
	@command -v msgfmt >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
		else \
			echo "The PO checks need GNU gettext: sudo apt-get install gettext"; \
		fi; }

# A Java runtime for the Nu Html Checker (vnu.jar) of `make audit`.
java:
	@command -v java >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
		else \
			echo "The audits need Java 11+: sudo apt-get install default-jre-headless"; \
		fi; }

# The npm tools, pinned in package-lock.json: axe-core for the browser tests' accessibility checks,
# lighthouse and vnu-jar for `make audit`. Reinstalled only when package.json or the lock is newer
# than the stamp. --ignore-scripts: nothing is downloaded at install (vnu-jar's postinstall would
# fetch a Java runtime when none is installed; lighthouse drives Debian's chromium, see audit).
NODE_TOOLS := node_modules/.installed-by-make
$(NODE_TOOLS): package.json $(wildcard package-lock.json)
	@command -v npm >/dev/null || { echo "The browser tests need npm (apt-get install npm)"; exit 1; }
	if [ -f package-lock.json ]; then npm ci --ignore-scripts --no-audit --no-fund; \
	else npm install --ignore-scripts --no-audit --no-fund; fi
	touch $@

axe: $(NODE_TOOLS)

# PNGs of every page at phone and desktop sizes in each language, into screenshots/ (git-ignored).
screenshots: venv chromium
	$(BIN)/python -m tests.e2e.screenshots $(ARGS)

# Interface messages: compile the catalogs with Babel (no GNU gettext); `make messages` re-extracts
# Python and templates and merges into locale/es and locale/pt_BR (then translate what is new).
catalogs: venv
	$(BIN)/python -m standard_versions.translations.catalogs compile

messages: venv
	$(RUN_ENV) $(MANAGE) update_catalogs

# The schema fuzzer: schemathesis against gunicorn (DEBUG=0) on a scratch database loaded with the
# shipped data, anonymous and with a staff token (tests/fuzz/); about 2-3 minutes. On PostgreSQL
# (DATABASE_URL) it creates and drops <name>_fuzz. `make fuzz FUZZ_ARGS="--max-examples 100"`.
fuzz: venv catalogs
	$(BIN)/python -m tests.fuzz.run_schemathesis $(FUZZ_ARGS)

# Lighthouse (mobile) on the home, version, compare and consultation pages in English and Spanish
# (Spanish in CI only: AUDIT_ARGS="--languages en,es" adds it locally)
# (performance >= 95, accessibility, best practices and SEO 100) and the Nu Html Checker on every
# public page, against gunicorn (DEBUG=0) on a scratch database with the shipped data, like the
# fuzzer (tests/audit/); about 3-4 minutes. Lighthouse drives /usr/bin/chromium (CHROME_PATH).
# `make audit AUDIT_ARGS="--only home,compare"`.
audit: venv catalogs chromium java axe
	CHROME_PATH=/usr/bin/chromium $(BIN)/python -m tests.audit.run_audits $(AUDIT_ARGS)

# The throughput benchmarks drive gunicorn with Debian's wrk.
wrk:
	@command -v wrk >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
		else \
			echo "The benchmarks need wrk: sudo apt-get install wrk"; \
		fi; }

bench: venv wrk
	$(BIN)/python -m tests.bench.run $(ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles .pytest_cache screenshots node_modules \
		audit-results fuzz-results
