#!/usr/bin/env python3
"""Screenshots of the running platform for the README (not a test).

    .venv/bin/python scripts/screenshot.py LOGIN PASSWORD URL OUT.png [--phone] [--wait 4]

Logs in over HTTP, hands the session cookie to a headless Chromium through
its DevTools protocol, opens URL and saves a PNG. `make run` must be serving
(default http://localhost:8069; BASE_URL to change).
"""

import argparse
import base64
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import requests
import websocket

BASE = os.environ.get("BASE_URL", "http://127.0.0.1:8069")


def session_id(login, password):
    s = requests.Session()
    page = s.get(f"{BASE}/web/login", timeout=30)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    s.post(f"{BASE}/web/login", data={"login": login, "password": password, "csrf_token": token}, timeout=60)
    return s.cookies["session_id"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("login")
    parser.add_argument("password")
    parser.add_argument("url")
    parser.add_argument("out")
    parser.add_argument("--phone", action="store_true")
    parser.add_argument("--wait", type=float, default=4.0)
    args = parser.parse_args()
    sid = session_id(args.login, args.password)
    port = free_port()
    profile = tempfile.mkdtemp()
    width, height = (390, 844) if args.phone else (1440, 900)
    chrome = subprocess.Popen(
        [
            shutil.which("chromium") or "chromium",
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--remote-debugging-port={port}",
            f"--window-size={width},{height}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=2) as resp:
                    targets = json.load(resp)
                page = next(t for t in targets if t["type"] == "page")
                break
            except (OSError, StopIteration):
                time.sleep(0.2)
        ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        counter = iter(range(1, 10_000))

        def call(method, **params):
            msg_id = next(counter)
            ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
            while True:
                msg = json.loads(ws.recv())
                if msg.get("id") == msg_id:
                    return msg.get("result", {})

        call("Network.enable")
        host = BASE.split("//", 1)[1].split(":")[0]
        call("Network.setCookie", name="session_id", value=sid, domain=host, path="/")
        call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=2 if args.phone else 1,
            mobile=args.phone,
        )
        call("Page.enable")
        call("Page.navigate", url=f"{BASE}{args.url}")
        time.sleep(args.wait)
        shot = call("Page.captureScreenshot", format="png")
        with open(args.out, "wb") as fh:
            fh.write(base64.b64decode(shot["data"]))
        ws.close()
    finally:
        chrome.terminate()
        chrome.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
