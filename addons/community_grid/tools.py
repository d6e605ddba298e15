"""Small helpers shared by the platform's addons."""


def related_action(record, xmlid, field, **context):
    """The window action ``xmlid`` showing the records whose ``field`` is
    ``record``, creating new ones with ``field`` set to it (a smart button)."""
    record.ensure_one()
    action = record.env["ir.actions.act_window"]._for_xml_id(xmlid)
    action["domain"] = [(field, "=", record.id)]
    action["context"] = {f"default_{field}": record.id, **context}
    return action


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
