# Community governance platform (社区治理平台) on Odoo 18.0.
#   make run    install everything needed, create/upgrade the database, serve Odoo
#   make test   fresh test database, every test, one summary line
#   make bench  generate a city into its own database (BENCH_DB=city, SCALE=1;
#               SCALE=0.1 for a quick run) and benchmark every role's screens
# Variables: ODOO_PATH (default /opt/odoo), DB_NAME (community), HTTP_PORT (8069),
# PGHOST/PGPORT/PGUSER/PGPASSWORD to use an existing PostgreSQL server,
# TEST_DB (community_test) for `make test`; ADDONS (all four) for `make test`
# and `make i18n`; REPLICA=1 for `make run`/`make pg-start`: a streaming
# replica of the private PostgreSQL, used by Odoo for read-only requests.
PYTHON ?= python3
DEVCTL = $(PYTHON) scripts/devctl.py
export ODOO_PATH DB_NAME HTTP_PORT TEST_DB ADDONS REPLICA SCALE BENCH_DB

.PHONY: run stop test lint i18n venv pg-start pg-stop test-embedded-pg bench

run:
	@$(DEVCTL) run

stop:
	@$(DEVCTL) stop

test:
	@$(DEVCTL) test

venv:
	@$(DEVCTL) venv

pg-start:
	@$(DEVCTL) pg-start

pg-stop:
	@$(DEVCTL) pg-stop

lint: venv node_modules/.bin/prettier
	@.venv/bin/pre-commit run --all-files --show-diff-on-failure

node_modules/.bin/prettier: package.json package-lock.json
	@npm ci --no-audit --no-fund --loglevel=error

i18n:
	@$(DEVCTL) i18n

bench:
	@$(DEVCTL) bench
