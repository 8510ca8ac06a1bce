"""The playground at / in headless Chromium: hints underlined in place, keyboard use, the live summary.

Runs Debian's Chromium through Playwright (no `playwright install`); skipped only when Chromium is absent.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from tonecheck_server import Settings, create_app
from werkzeug.serving import WSGIRequestHandler, make_server

from tonecheck import platforms

CHROMIUM = os.environ.get("TONECHECK_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]
DRAFT = "🎉🎉 Big news today #socialmediatips\nTHIS WEEKEND ONLY AT ALL OUR STORES"

pytestmark = pytest.mark.skipif(not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)),
                                reason=f"Chromium not installed at {CHROMIUM} (apt-get install chromium)")


class _Quiet(WSGIRequestHandler):
    def log_request(self, *args: Any, **kwargs: Any) -> None:
        pass


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    app = create_app(Settings(access_log=False))
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_Quiet)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.problems = problems
    yield page
    context.close()


def _check_draft(page: Any, base_url: str, text: str = DRAFT) -> None:
    page.goto(base_url + "/")
    page.wait_for_selector("#platform option[value='x']", state="attached")
    page.select_option("#platform", "x")
    page.fill("#draft", text)
    page.click("#check")
    page.wait_for_function("() => document.querySelectorAll('#hints li').length > 0")


def test_hints_are_underlined_in_place(page: Any, base_url: str) -> None:
    _check_draft(page, base_url)
    messages = page.locator("#hints .message").all_text_contents()
    assert any("#SocialMediaTips" in m for m in messages)
    summary = page.locator("#summary")
    assert summary.get_attribute("role") == "status" and summary.get_attribute("aria-live") == "polite"
    assert "hints" in summary.text_content() and "Score" in summary.text_content()
    highlighted = page.evaluate(
        "() => Object.fromEntries(['error', 'warning', 'suggestion'].map(s => "
        "[s, CSS.highlights.has('tc-' + s) ? [...CSS.highlights.get('tc-' + s)].map(r => r.toString()) : []]))"
    )
    assert "#socialmediatips" in highlighted["warning"]
    assert "THIS WEEKEND ONLY AT ALL OUR STORES" in highlighted["warning"]
    # The mirror that carries the underlines has the same text as the textarea, so they sit under the words.
    assert page.evaluate("() => document.getElementById('mirror').textContent") == DRAFT + "\n"
    counted = platforms.count(DRAFT, "x")  # X's way: each emoji counts 2
    assert page.locator("#length").text_content().startswith(f"{counted} of 280 characters")
    assert page.problems == []


def test_keyboard_use(page: Any, base_url: str) -> None:
    _check_draft(page, base_url, "Big news today #socialmediatips\nTHIS WEEKEND ONLY AT ALL OUR STORES")
    page.focus("#draft")
    page.keyboard.press("Tab")  # the Check button
    page.keyboard.press("Tab")  # the first hint
    first = page.evaluate("() => document.activeElement.closest('li').dataset.index")
    assert first == "0" and page.evaluate("() => document.activeElement.className") == "hint-main"
    # Focusing a hint marks it in the draft.
    assert page.evaluate("() => [...CSS.highlights.get('tc-active')][0].toString()") == "#socialmediatips"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.closest('li').dataset.index") == "1"
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")  # jump to the hint in the draft: it is selected there
    assert page.evaluate("() => document.activeElement.id") == "draft"
    selected = page.evaluate("() => { const d = document.getElementById('draft');"
                             " return d.value.slice(d.selectionStart, d.selectionEnd); }")
    assert selected == "#socialmediatips"
    # Apply the suggestion from the keyboard: back to the hint, Tab to its button, Enter.
    page.locator(".hint-main").first.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "apply"
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.getElementById('hints').textContent.includes('#SocialMediaTips')")
    assert "#SocialMediaTips" in page.input_value("#draft")
    assert page.problems == []


def test_why_links_to_the_rule_page(page: Any, base_url: str) -> None:
    _check_draft(page, base_url)
    link = page.locator("#hints li", has_text="#SocialMediaTips").locator("a")
    assert link.get_attribute("href") == "/rules/hashtag-camel-case"
    link.click()
    page.wait_for_selector("h1")
    assert page.locator("h1").text_content() == "hashtag-camel-case"


def test_fallback_without_the_highlight_api(page: Any, base_url: str) -> None:
    page.add_init_script("delete CSS.highlights; delete window.Highlight;")
    _check_draft(page, base_url)
    marks = page.locator("#mirror mark").all_text_contents()
    assert "#socialmediatips" in marks
    assert page.evaluate("() => document.getElementById('mirror').textContent") == DRAFT + "\n"
    assert page.problems == []


def test_errors_are_shown(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.fill("#draft", "x" * 70_000)  # over the default limit (63,206, Facebook's)
    page.click("#check")
    page.wait_for_function("() => document.getElementById('summary').textContent.startsWith('Could not check')")
    assert "70,000" in page.locator("#summary").text_content()
