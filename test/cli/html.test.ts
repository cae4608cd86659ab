/**
 * --format html opened in headless Chromium: the page loads nothing from anywhere (not even a data:
 * or file: resource), runs no script, shows the findings-per-rule chart, ranks the files and shows
 * each finding with its line, with report text that looks like markup shown as text.
 * Needs Debian's chromium at /usr/bin/chromium (apt-get install chromium): the test fails, not
 * skips, when it is missing. The screenshot goes to test/cli/artifacts/ (gitignored).
 */
import { test } from 'vitest';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { ARTIFACTS, CLEAN, INFO_ONLY, NO_PROVIDER, WITH_ERROR, parseJson, runCli, tmpDir, write } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const HOSTILE = '<img src="https://tracker.invalid/x.png" onerror="window.__pwned=1">';

test('the HTML page is self-contained, safe, and shows the chart, the ranking and every finding', async () => {
  assert.ok(
    fs.existsSync(CHROMIUM),
    `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run the HTML report test`,
  );
  const dir = tmpDir('html');
  write(dir, 'a-clean.txt', CLEAN);
  write(dir, 'b-info.txt', INFO_ONLY);
  // report text and a file name that look like markup: must be shown, never interpreted
  write(dir, 'c-<b>bold</b>.txt', WITH_ERROR.replace('TBS L1-L4 12.62', `TBS L1-L4 12.62 ${HOSTILE}`));
  write(dir, 'd-warn.txt', NO_PROVIDER.replace('TBS L1-L4 1.262', 'TBS L1-L4 ___ <script>window.__pwned=2</script>'));
  write(dir, 'e-errors.txt', WITH_ERROR.replace('MOF 17%; hip 2.9%', 'MOF 140%; hip 2.9%'));
  const page = path.join(dir, 'audit.html');
  const r = runCli(['check', '-f', 'html', '-o', page, '.'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1714000000' } });
  assert.equal(r.status, 1, r.stderr);
  const html = fs.readFileSync(page, 'utf8');
  assert.doesNotMatch(
    html,
    /<(script|img|link|iframe|object|embed|base)\b|@import|url\(/i,
    'no script, image, stylesheet link or URL reference in the markup',
  );
  assert.ok(
    html.includes('&lt;img src=&quot;https://tracker.invalid/x.png&quot; onerror=&quot;window.__pwned=1&quot;&gt;'),
    'report text escaped',
  );
  assert.ok(html.includes('c-&lt;b&gt;bold&lt;/b&gt;.txt'), 'file name escaped');
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  assert.match(html, /generated 2024-04-24 23:06:40 UTC/);
  const j = parseJson(runCli(['check', '-f', 'json', '.'], { cwd: dir }));

  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: true });
    const tab = await context.newPage();
    const url = pathToFileURL(page).href;
    const requests: string[] = [];
    const consoleMessages: string[] = [];
    const dialogs: string[] = [];
    tab.on('request', (req) => requests.push(req.url()));
    tab.on('console', (m) => consoleMessages.push(`${m.type()}: ${m.text()}`));
    tab.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await tab.goto(url, { waitUntil: 'load' });

    assert.deepEqual(requests, [url], 'the page loaded no resource besides itself');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(consoleMessages, [], 'no CSP violation or error');
    assert.equal(
      await tab.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned ?? 0),
      0,
      'no injected script ran',
    );
    assert.equal(await tab.locator('script, img, iframe, object, embed, link').count(), 0);

    // the chart: one bar row per rule with findings, in the summary's order, with visible bars
    const chart = tab.locator('svg#rule-chart');
    await chart.waitFor({ state: 'visible' });
    const box = await chart.boundingBox();
    assert.ok(box && box.width > 300 && box.height > 60, 'the chart is drawn at a useful size');
    const rows = tab.locator('svg#rule-chart g.rule-row');
    assert.deepEqual(
      await rows.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-rule'))),
      Object.keys(j.summary.byRule),
    );
    assert.ok((await tab.locator('svg#rule-chart rect.bar').count()) >= Object.keys(j.summary.byRule).length);
    assert.equal(
      await tab.locator('svg#rule-chart rect.bar.error').count(),
      Object.entries(j.summary.byRule).filter(([id]) => ['tbs-value-implausible', 'risk-implausible'].includes(id))
        .length,
    );

    // the ranking: files with findings, most errors first
    const ranked = await tab.locator('#ranking tbody tr td:nth-child(2)').allTextContents();
    assert.deepEqual(ranked, ['e-errors.txt', 'c-<b>bold</b>.txt', 'd-warn.txt', 'b-info.txt']);

    // each finding with its line number and line text, markup shown as text
    const findings = tab.locator('#findings tr.finding');
    assert.equal(await findings.count(), j.summary.findings);
    const hostileRow = tab
      .locator('#findings details', { hasText: 'c-<b>bold</b>.txt' })
      .locator('tr.finding', { hasText: 'tbs-value-implausible' });
    assert.ok((await hostileRow.textContent())?.includes(HOSTILE), 'the hostile line is shown verbatim');
    const placeholderRow = tab
      .locator('#findings details', { hasText: 'd-warn.txt' })
      .locator('tr.finding', { hasText: 'unfilled-placeholder' })
      .first();
    const cells = await placeholderRow.locator('td').allTextContents();
    assert.equal(cells[0], '9', 'line number');
    assert.match(cells[5], /TBS L1-L4 ___ <script>window.__pwned=2<\/script>/);
    assert.equal(await tab.locator('h1').textContent(), 'TBS documentation audit');
    assert.match(
      (await tab.locator('.cards').textContent()) ?? '',
      /5reports checked\s+1clean\s+4with findings\s+3errors\s+6warnings/,
    );

    const shot = path.join(ARTIFACTS, 'html-report.png');
    await tab.screenshot({ path: shot, fullPage: true });
    assert.ok(fs.statSync(shot).size > 10_000, 'screenshot saved');
    await context.close();
  } finally {
    await browser.close();
  }
});

test('an HTML page for a clean run says so, and lists unreadable files', () => {
  const dir = tmpDir('html-clean');
  write(dir, 'clean.txt', CLEAN);
  const r = runCli(['check', '-f', 'html', '.', 'gone.txt'], { cwd: dir });
  assert.equal(r.status, 2);
  assert.match(r.stdout, /No findings: every checked report documents what its profile needs/);
  assert.match(r.stdout, /<section id="unreadable">.*gone\.txt.*no such file or directory/s);
});
