# Run by `entrypoint-project.sh init` through `odoo shell` (which provides
# `env`), right after the modules are installed and before any server runs:
# the administrator gets the password INIT_ADMIN_PASSWORD instead of "admin"
# and the Chinese interface; the company becomes the street office
# ODOO_COMPANY_NAME. The values come from the environment of this one
# process, never from its command line. odoo shell does not commit: this does.
import os

env = env  # noqa: F821 -- provided by odoo shell

LANG = "zh_CN"

admin = env.ref("base.user_admin")
admin.write({"password": os.environ["INIT_ADMIN_PASSWORD"], "lang": LANG})
company = env.ref("base.main_company")
company.write({"name": os.environ["ODOO_COMPANY_NAME"]})
company.partner_id.lang = LANG
# new contacts default to Chinese too
env["ir.default"].set("res.partner", "lang", LANG)
env.cr.commit()
print(f"init: user {admin.login!r}: password set, language {LANG}; company {company.name!r}")
