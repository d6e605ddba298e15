import re

import requests

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def login(base, login, password):
    session = requests.Session()
    page = session.get(f"{base}/web/login", timeout=30)
    assert page.status_code == 200
    token = CSRF.search(page.text).group(1)
    resp = session.post(
        f"{base}/web/login",
        data={"login": login, "password": password, "csrf_token": token},
        timeout=60,
    )
    assert resp.status_code == 200
    return session, resp


def menus(base, session):
    """{xmlid: label} of the menus the web client would show this session."""
    resp = session.get(f"{base}/web/webclient/load_menus/1", timeout=60)
    assert resp.status_code == 200
    return {
        m["xmlid"]: m["name"]
        for m in resp.json().values()
        if isinstance(m, dict) and m.get("xmlid")
    }


def test_login_page(server):
    page = requests.get(f"{server}/web/login", timeout=30)
    assert page.status_code == 200
    assert 'name="csrf_token"' in page.text


def test_wrong_password_is_refused(server):
    session, resp = login(server, "admin", "not-the-password")
    assert not resp.url.endswith("/odoo")
    backend = session.get(f"{server}/odoo", timeout=30, allow_redirects=False)
    assert backend.status_code in (302, 303)
    assert "/web/login" in backend.headers["Location"]


def test_admin_gets_chinese_backend(server):
    session, resp = login(server, "admin", "admin")
    assert resp.url.endswith("/odoo"), resp.url
    page = session.get(f"{server}/odoo", timeout=60)
    assert page.status_code == 200
    assert '"lang": "zh_CN"' in page.text  # the web client's user context
    labels = menus(server, session)
    assert labels["community_grid.menu_community_root"] == "社区治理"
    assert labels["community_grid.menu_grid_management"] == "网格管理"
    assert labels["community_party.menu_party_root"] == "党建引领"
    assert "community_grid.menu_community_config" in labels


def test_grid_worker_sees_no_configuration(server):
    session, resp = login(server, "gridworker", "gridworker")
    assert resp.url.endswith("/odoo"), resp.url
    labels = menus(server, session)
    assert labels["community_grid.menu_community_root"] == "社区治理"
    assert "community_grid.menu_community_config" not in labels


def test_portal_resident_gets_chinese_portal(server):
    session, resp = login(server, "resident", "resident-demo")
    assert resp.url.endswith("/my"), resp.url
    page = session.get(f"{server}/my", timeout=60)
    assert page.status_code == 200
    assert "我的账户" in page.text  # "My Account", served in Chinese
    assert "张桂英" in page.text
    backend = session.get(f"{server}/odoo", timeout=60, allow_redirects=False)
    assert backend.status_code in (302, 303)
    assert not backend.headers["Location"].endswith("/odoo")


def test_party_worker_reaches_party_building_only(server):
    session, resp = login(server, "partyworker", "partyworker")
    assert resp.url.endswith("/odoo"), resp.url
    labels = menus(server, session)
    assert labels["community_grid.menu_community_root"] == "社区治理"
    assert labels["community_party.party_organization_menu"] == "党组织"
    assert "community_grid.menu_grid_management" not in labels
    assert "community_mediation.menu_mediation_root" not in labels
