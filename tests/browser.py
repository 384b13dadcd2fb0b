"""Headless Chromium driven over the DevTools protocol, for tests that use a page as a person does.

Chromium is started with ``--remote-debugging-pipe``: it reads protocol commands from
file descriptor 3 and writes answers and events to descriptor 4, as JSON messages ended
by a NUL byte. That needs nothing beyond the standard library (no WebSocket client).

>>> with Chromium(tmp_path / "profile") as browser:      # doctest: +SKIP
...     tab = browser.tab()
...     tab.goto("http://127.0.0.1:7878/")
...     tab.type_into("input[name=param-org]", "Nesta")
...     tab.click("button[type=submit]")
...     tab.evaluate("location.href")
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import select
import shutil
import signal
import time
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-extensions", "--remote-debugging-pipe"]
TIMEOUT = 60.0


class BrowserError(Exception):
    """Chromium refused a command, went away, or an awaited event did not come."""


class Chromium:
    def __init__(self, profile: Path) -> None:
        Path(profile).mkdir(parents=True, exist_ok=True)
        self._log = Path(profile) / "chromium.log"  # a file, not a pipe: a full pipe would stall Chromium
        commands_r, commands_w = os.pipe()
        answers_r, answers_w = os.pipe()
        log = os.open(self._log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        null = os.open(os.devnull, os.O_RDWR)
        # posix_spawn, not fork + preexec_fn (unsafe with the server's threads): in the child the
        # pipe ends become fds 3 and 4, where Chromium looks; every other fd of ours is close-on-exec.
        # The ends for 3 and 4 are copied above 4 first, so that neither dup2 can clobber the other's.
        reads, writes = (fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 5) for fd in (commands_r, answers_w))
        actions = [(os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, log, 2),
                   (os.POSIX_SPAWN_DUP2, reads, 3), (os.POSIX_SPAWN_DUP2, writes, 4)]
        try:
            self.pid = os.posix_spawn(CHROMIUM, [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                      os.environ, file_actions=actions, setpgroup=0)
        finally:
            for fd in (commands_r, answers_w, reads, writes, log, null):
                os.close(fd)
        self._out = commands_w
        self._in = answers_r
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(BrowserError, OSError):
            self.send("Browser.close")
        if not self._wait(10):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.pid, signal.SIGKILL)  # its own process group: Chromium and its helpers
            self._wait(10)
        for fd in (self._out, self._in):
            with contextlib.suppress(OSError):
                os.close(fd)

    def _wait(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if os.waitpid(self.pid, os.WNOHANG)[0]:
                    return True
            except ChildProcessError:
                return True
            time.sleep(0.05)
        return False

    # -- the protocol ---------------------------------------------------------------------------
    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._receive(time.monotonic() + TIMEOUT)
            if answer.get("id") == self._next:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error']}")
                return answer["result"]
            self.events.append(answer)

    def wait_event(self, method: str, session: str | None, timeout: float = TIMEOUT) -> dict[str, Any]:
        """The first event ``method`` of ``session`` not yet taken (waiting for it if need be)."""
        deadline = time.monotonic() + timeout
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method and event.get("sessionId") == session:
                    return self.events.pop(i)
            self.events.append(self._receive(deadline))

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._in], [], [], left)[0]:
                raise BrowserError("Chromium did not answer in time")
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                raise BrowserError("Chromium went away: " + self._log.read_text(errors="replace")[-2000:])
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(raw)

    def tab(self) -> Tab:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        tab = Tab(self, session)
        tab.send("Page.enable")
        tab.send("Runtime.enable")
        return tab


class Tab:
    def __init__(self, browser: Chromium, session: str) -> None:
        self.browser = browser
        self.session = session

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.send(method, params, self.session)

    def goto(self, url: str) -> None:
        self._forget("Page.loadEventFired")
        answer = self.send("Page.navigate", {"url": url})
        if answer.get("errorText"):
            raise BrowserError(f"cannot open {url}: {answer['errorText']}")
        self.browser.wait_event("Page.loadEventFired", self.session)

    def evaluate(self, expression: str) -> Any:
        answer = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in answer:
            raise BrowserError(f"{expression}: {answer['exceptionDetails']}")
        return answer["result"].get("value")

    def type_into(self, selector: str, text: str) -> None:
        """Clear the field and type ``text`` into it, as keyboard input."""
        self.evaluate(f"(e => {{ e.focus(); e.select(); }})(document.querySelector({json.dumps(selector)}))")
        self.send("Input.dispatchKeyEvent", {"type": "rawKeyDown", "key": "Backspace", "code": "Backspace",
                                             "windowsVirtualKeyCode": 8})
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": "Backspace", "code": "Backspace",
                                             "windowsVirtualKeyCode": 8})
        if text:
            self.send("Input.insertText", {"text": text})

    def click(self, selector: str, *, navigates: bool = True) -> None:
        """A mouse click in the middle of the element; with ``navigates``, wait for the next page's load."""
        box = self.evaluate(f"""(e => {{ e.scrollIntoView({{block: "center"}}); const r = e.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2]; }})(document.querySelector({json.dumps(selector)}))""")
        x, y = box
        self._forget("Page.loadEventFired")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})
        if navigates:
            self.browser.wait_event("Page.loadEventFired", self.session)

    def console_messages(self) -> list[str]:
        """Console messages and uncaught exceptions of this tab so far."""
        out = []
        for event in self.browser.events:
            if event.get("sessionId") != self.session:
                continue
            if event.get("method") == "Runtime.consoleAPICalled":
                out.append(" ".join(str(a.get("value", a.get("description", ""))) for a in event["params"]["args"]))
            elif event.get("method") == "Runtime.exceptionThrown":
                out.append(str(event["params"]["exceptionDetails"].get("text")))
        return out

    def _forget(self, method: str) -> None:
        self.browser.events = [e for e in self.browser.events
                               if not (e.get("method") == method and e.get("sessionId") == self.session)]

