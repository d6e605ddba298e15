"""Small helpers shared by the platform's addons."""

import contextlib

from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tools.mimetypes import guess_mimetype

# What residents may upload, recognised by the file's first bytes.
IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
PDF_TYPES = frozenset({"application/pdf"})
# The largest id PostgreSQL's integer columns hold.
MAX_ID = 2**31 - 1


def related_action(record, xmlid, field, **context):
    """The window action ``xmlid`` showing the records whose ``field`` is
    ``record``, creating new ones with ``field`` set to it (a smart button)."""
    record.ensure_one()
    action = record.env["ir.actions.act_window"]._for_xml_id(xmlid)
    action["domain"] = [(field, "=", record.id)]
    action["context"] = {f"default_{field}": record.id, **context}
    return action


@contextlib.contextmanager
def refused_by_constraint(cr, constraints, message):
    """Run the block in a savepoint; when PostgreSQL refuses it by one of the
    named ``constraints`` (a unique index, an exclusion or check constraint that
    a parallel transaction made bite), raise ``UserError(message)`` instead.

    The Python checks before an insert give the message in the ordinary case;
    the constraint holds the rule when two requests arrive at the same instant.
    """
    try:
        with cr.savepoint(flush=False):
            yield
    except IntegrityError as exc:
        if exc.diag.constraint_name not in constraints:
            raise
        raise UserError(message) from None


def parse_id(value):
    """A record id from a request parameter, or 0 when the value is not one
    (missing, not a number, negative, beyond PostgreSQL's integer range)."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = value.strip() if isinstance(value, str) else ""
        if not text.isascii() or not text.isdigit() or len(text) > 10:
            return 0
        number = int(text)
    return number if 0 < number <= MAX_ID else 0


def read_uploads(env, files, allowed=IMAGE_TYPES, max_bytes=5 * 1024 * 1024, max_count=5):
    """Read and check the files a resident uploads, by their content.

    The file name and the browser's Content-Type are the sender's claims: the
    type is recognised from the file's first bytes (magic numbers) and must be
    one of ``allowed``.

    :param files: werkzeug ``FileStorage`` objects
        (``request.httprequest.files.getlist(name)``); empty file inputs are skipped
    :returns: a list of dicts ``{"name", "raw", "mimetype"}`` ready for ``ir.attachment``
    :raises UserError: with a message for the resident when a file is refused
    """
    files = [f for f in files if f and f.filename]
    if len(files) > max_count:
        raise UserError(env._("Attach at most %(count)s files.", count=max_count))
    uploads = []
    for upload in files:
        name = upload.filename[:200]
        data = upload.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise UserError(
                env._(
                    "%(name)s is larger than %(size)s MB: attach a smaller file.",
                    name=name,
                    size=max_bytes // (1024 * 1024),
                )
            )
        if not data:
            raise UserError(env._("%(name)s is empty.", name=name))
        mimetype = guess_mimetype(data, default="application/octet-stream")
        if mimetype not in allowed:
            if allowed <= IMAGE_TYPES:
                message = env._(
                    "%(name)s is not a photo: attach JPEG, PNG, WebP or GIF images.", name=name
                )
            else:
                message = env._(
                    "%(name)s is neither a photo nor a PDF: attach JPEG, PNG, WebP or GIF "
                    "images or PDF documents.",
                    name=name,
                )
            raise UserError(message)
        uploads.append({"name": name, "raw": data, "mimetype": mimetype})
    return uploads


# The addons of the platform.
PLATFORM_MODULES = (
    "community_grid",
    "community_party",
    "community_mediation",
    "community_volunteer",
)

DEFAULT_TZ = "Asia/Shanghai"
TZ_PARAM = "community_grid.default_tz"


def community_tz(env):
    """The name of the communities' timezone: the ``community_grid.default_tz``
    system parameter (Settings), Asia/Shanghai when unset or unknown."""
    import pytz

    name = env["ir.config_parameter"].sudo().get_param(TZ_PARAM) or DEFAULT_TZ
    return name if name in pytz.all_timezones_set else DEFAULT_TZ


def end_of_day(env, day):
    """The naive UTC datetime of the last second (23:59:59) of ``day`` in the
    communities' timezone: what "by the end of day X" means to an office."""
    from datetime import datetime, time

    import pytz

    local = pytz.timezone(community_tz(env)).localize(datetime.combine(day, time(23, 59, 59)))
    return local.astimezone(pytz.utc).replace(tzinfo=None)


DEFAULT_LANG = "zh_CN"
LANG_PARAM = "community_grid.default_lang"


def community_lang(env):
    """The communities' language (``community_grid.default_lang``, zh_CN by
    default) when it is installed, for the titles the code stores once and
    every user reads: they do not depend on who created the record."""
    code = env["ir.config_parameter"].sudo().get_param(LANG_PARAM) or DEFAULT_LANG
    if code in dict(env["res.lang"].get_installed()):
        return code
    return env.lang or "en_US"
