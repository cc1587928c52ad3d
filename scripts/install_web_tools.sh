#!/usr/bin/env bash
# Web validity tools for the export tests, installed into .tools/ (gitignored):
#   vnu-jar      the Nu HTML Checker (runs with the machine's Java)
#   axe-core     accessibility rules, injected into the exported page
#   playwright-core  drives the system Chromium (/usr/bin/chromium); no browser is downloaded
# Usage: scripts/install_web_tools.sh [--quiet]    (idempotent; needs npm)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
QUIET=0
[ "${1:-}" = "--quiet" ] && QUIET=1
say() { [ "$QUIET" = 1 ] || printf '[web-tools] %s\n' "$*" >&2; }

if ! command -v npm >/dev/null 2>&1; then
    say "npm not found: the HTML validity and accessibility tests will be skipped"
    exit 1
fi
want="vnu-jar axe-core playwright-core"
have=1
for p in $want; do [ -f "$TOOLS/node_modules/$p/package.json" ] || have=0; done
if [ "$have" = 1 ]; then
    say "already installed in $TOOLS"
    exit 0
fi
mkdir -p "$TOOLS"
[ -f "$TOOLS/package.json" ] || printf '{\n  "name": "editor-app-web-tools",\n  "private": true\n}\n' > "$TOOLS/package.json"
say "installing $want into $TOOLS"
# playwright-core never downloads a browser on install; the tests use /usr/bin/chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
log="$(mktemp)"
if ! npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error $want >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"
    printf '[web-tools] npm install failed: the HTML validity and accessibility tests will be skipped\n' >&2
    exit 1
fi
[ "$QUIET" = 1 ] || cat "$log" >&2
rm -f "$log"
say "done"
