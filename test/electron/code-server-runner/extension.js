// Loads the in-host suite (TBS_TEST_SUITE) in code-server's extension host and writes
// { ok, log, error } to TBS_TEST_RESULT. See scripts/test-electron.mjs --code-server.
'use strict';
const fs = require('node:fs');

exports.activate = function activate() {
  const suitePath = process.env.TBS_TEST_SUITE;
  const resultPath = process.env.TBS_TEST_RESULT;
  if (!suitePath || !resultPath) return;
  const lines = [];
  const write = (ok, error) => fs.writeFileSync(resultPath, JSON.stringify({ ok, log: lines, error }, null, 2));
  // after activate() has returned, so that the runner never delays the window
  setTimeout(async () => {
    try {
      await require(suitePath).run((l) => lines.push(l));
      write(true);
    } catch (e) {
      write(false, String(e && e.stack ? e.stack : e));
    }
  }, 0);
};
exports.deactivate = function deactivate() {};
