#!/usr/bin/env bash
# Grammar unit tests: every test/grammar/*.radreport file asserts scopes of the
# TextMate grammar with vscode-tmgrammar-test. Exits non-zero on any failure.
#
# Note: vscode-tmgrammar-test's own assertion parser backtracks badly on a
# malformed assertion line (e.g. two " - " exclusion groups), so the run is
# bounded by a timeout instead of hanging CI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

cmd=(npx vscode-tmgrammar-test -g syntaxes/radiology-report.tmLanguage.json "test/grammar/*.radreport")
if command -v timeout >/dev/null 2>&1; then
  exec timeout 300 "${cmd[@]}"
fi
exec "${cmd[@]}"
