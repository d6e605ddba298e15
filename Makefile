# Community governance platform (社区治理平台) on Odoo 18.0.
#   make run    install everything needed, create/upgrade the database, serve Odoo
#   make test   fresh test database, every test, one summary line
# Variables: ODOO_PATH (default /opt/odoo), DB_NAME (community), HTTP_PORT (8069),
# PGHOST/PGPORT/PGUSER/PGPASSWORD to use an existing PostgreSQL server,
# TEST_DB (community_test) for `make test`; ADDONS (all four) for `make test`
# and `make i18n`.
PYTHON ?= python3
DEVCTL = $(PYTHON) scripts/devctl.py
export ODOO_PATH DB_NAME HTTP_PORT TEST_DB ADDONS REPLICA SCALE

.PHONY: run stop test lint i18n venv pg-start pg-stop test-embedded-pg

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
