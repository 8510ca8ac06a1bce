"""Run twitter-text's JavaScript (installed by `make test` in tests/oracle) as a reference for our port.

The shim loads twitter-text's CommonJS build without its npm runtime helpers: core-js polyfills are
not needed on Node, and "punycode" follows the 1.4.1 behaviour twitter-text depends on (Node's
built-in module, 2.x, does not encode labels with control characters).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

INSTALLED = Path(__file__).parent / "oracle" / "node_modules" / "twitter-text" / "dist"

PRELUDE = r"""
const Module = require('module');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request.startsWith('core-js/')) return {};
  if (request === '@babel/runtime/helpers/interopRequireDefault') {
    return (o) => (o && o.__esModule ? o : { default: o });
  }
  if (request === 'punycode') {
    const core = load.call(this, 'punycode', parent, isMain);
    const toASCII = (input) => {
      const parts = input.split('@'); let result = '';
      if (parts.length > 1) { result = parts[0] + '@'; input = parts[1]; }
      input = input.replace(/[\x2E\u3002\uFF0E\uFF61]/g, '.');
      return result + input.split('.').map((s) => (/[^\x20-\x7E]/.test(s) ? 'xn--' + core.encode(s) : s)).join('.');
    };
    return { toASCII, encode: core.encode };
  }
  return load.apply(this, arguments);
};
const dist = process.argv[1];
"""


def run_js(script: str, payload: Any) -> Any:
    """Run *script* (after :data:`PRELUDE`, with ``dist`` bound) on *payload* sent as JSON on stdin."""
    dist = os.environ.get("TONECHECK_TWITTER_TEXT_JS") or (str(INSTALLED) if INSTALLED.is_dir() else None)
    node = shutil.which("node")
    if not dist or not node:
        pytest.skip("run `npm ci --prefix tests/oracle` (or set TONECHECK_TWITTER_TEXT_JS) and install node")
    completed = subprocess.run(
        [node, "-e", PRELUDE + script, str(Path(dist).resolve())],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout)
