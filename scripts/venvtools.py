"""Helpers of scripts/devctl.py that run inside the virtualenv (they import
Odoo, psycopg2 and polib).

    venvtools.py db-state CONF DB        print 'installed', 'empty' or 'absent'
    venvtools.py installed CONF DB M...  which of the modules M are installed
    venvtools.py drop-db CONF DB         drop a database and its filestore
    venvtools.py merge-po POT PO ODOO    merge a .pot into a .po, prefilling
                                         empty entries from Odoo's own zh_CN
"""

import os
import shutil
import sys
from pathlib import Path

import polib

import odoo
from odoo.sql_db import db_connect
from odoo.tools import SQL

# Odoo's own catalogs that our exports share terms with (fields inherited
# from mail.thread, portal.mixin, …).
SHARED_CATALOGS = ["base", "web", "mail", "portal", "rating", "resource", "survey", "calendar"]


def _config(conf):
    odoo.tools.config.parse_config(["-c", conf])


def db_state(conf, db):
    _config(conf)
    with db_connect("postgres").cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db])
        if not cr.fetchone():
            return "absent"
    with db_connect(db).cursor() as cr:
        cr.execute("SELECT to_regclass('ir_module_module') IS NOT NULL")
        if not cr.fetchone()[0]:
            return "empty"
        cr.execute("SELECT state FROM ir_module_module WHERE name = 'community_grid'")
        row = cr.fetchone()
        return "installed" if row and row[0] == "installed" else "empty"


def installed(conf, db, *modules):
    """The given modules that are installed in db, comma-separated."""
    _config(conf)
    with db_connect(db).cursor() as cr:
        cr.execute(
            "SELECT name FROM ir_module_module WHERE state = 'installed' AND name = ANY(%s)",
            [list(modules)],
        )
        return ",".join(sorted(row[0] for row in cr.fetchall()))


def drop_db(conf, db):
    _config(conf)
    with db_connect("postgres").cursor() as cr:
        cr._cnx.autocommit = True
        cr.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [db],
        )
        cr.execute(SQL("DROP DATABASE IF EXISTS %s", SQL.identifier(db)))
    shutil.rmtree(odoo.tools.config.filestore(db), ignore_errors=True)


def odoo_translations(odoo_src, lang="zh_CN"):
    known = {}
    for module in SHARED_CATALOGS:
        for base in (Path(odoo_src) / "odoo" / "addons", Path(odoo_src) / "addons"):
            path = base / module / "i18n" / f"{lang}.po"
            if path.is_file():
                for entry in polib.pofile(str(path)):
                    if entry.msgstr and not entry.fuzzy:
                        known.setdefault(entry.msgid, entry.msgstr)
    return known


def merge_po(pot_path, po_path, odoo_src):
    pot = polib.pofile(pot_path)
    po = polib.pofile(po_path) if os.path.exists(po_path) else polib.POFile()
    po.merge(pot)
    po.metadata = dict(pot.metadata, Language="zh_CN")
    po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    known = odoo_translations(odoo_src)
    for entry in po:
        if entry.fuzzy:
            entry.flags.remove("fuzzy")
            entry.msgstr = ""
        if not entry.msgstr and entry.msgid in known:
            entry.msgstr = known[entry.msgid]
        if entry.msgstr == entry.msgid:  # OCA: no translation identical to the source
            entry.msgstr = ""
    po[:] = [e for e in po if not e.obsolete]
    # OCA's po-pretty-format: entries sorted by msgid, polib's wrapping.
    po.sort(key=lambda entry: entry.msgid)
    Path(po_path).write_text(str(po), encoding="utf-8")
    missing = [e.msgid for e in po if not e.msgstr and e.msgid != "ID"]
    print(f"{po_path}: {po.percent_translated()}% translated, {len(missing)} to do")
    for msgid in missing:
        print(f"    untranslated: {msgid[:100]!r}")


def main():
    command, *args = sys.argv[1:]
    if command == "db-state":
        print(db_state(*args))
    elif command == "installed":
        print(installed(*args))
    elif command == "drop-db":
        drop_db(*args)
    elif command == "merge-po":
        merge_po(*args)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
