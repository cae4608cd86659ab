/**
 * Helix is not packaged in Debian 12, so no test runs it against the server. What is checked: that
 * docs/editors.md shows test/editors/helix/languages.toml verbatim, and, where `hx` is installed
 * (HX_BIN selects another binary), that Helix accepts that file (`hx --health radiology-report`
 * with it as the user configuration). Without hx that second test is reported as skipped, with the
 * reason, never passed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers';

const TOML = join(ROOT, 'test/editors/helix/languages.toml');
const HX = process.env.HX_BIN || 'hx';

test('docs/editors.md shows the Helix languages.toml verbatim', () => {
  const docs = readFileSync(join(ROOT, 'docs/editors.md'), 'utf8');
  assert.ok(
    docs.includes('```toml\n' + readFileSync(TOML, 'utf8') + '```'),
    `docs/editors.md must show ${TOML} verbatim in a toml block`,
  );
});

const probe = spawnSync(HX, ['--version'], { encoding: 'utf8', timeout: 10_000 });
const missing =
  probe.error || probe.status !== 0
    ? `${HX} is not installed (Debian 12 has no helix package): languages.toml is not checked by Helix`
    : false;

test('Helix accepts the languages.toml', { skip: missing }, () => {
  const home = mkdtempSync(join(tmpdir(), 'tbs-helix-'));
  try {
    mkdirSync(join(home, 'helix'), { recursive: true });
    copyFileSync(TOML, join(home, 'helix', 'languages.toml'));
    const r = spawnSync(HX, ['--health', 'radiology-report'], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, XDG_CONFIG_HOME: home },
    });
    const out = `${r.stdout}\n${r.stderr}`;
    assert.equal(r.status, 0, out);
    assert.doesNotMatch(out, /bad language config|failed to parse|unknown field/i, out);
    assert.match(out, /tbs-report/, out);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
