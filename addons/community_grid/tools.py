"""Small helpers shared by the platform's addons."""


def related_action(record, xmlid, field, **context):
    """The window action ``xmlid`` showing the records whose ``field`` is
    ``record``, creating new ones with ``field`` set to it (a smart button)."""
    record.ensure_one()
    action = record.env["ir.actions.act_window"]._for_xml_id(xmlid)
    action["domain"] = [(field, "=", record.id)]
    action["context"] = {f"default_{field}": record.id, **context}
    return action
