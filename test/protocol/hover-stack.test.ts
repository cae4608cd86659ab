/** The hover a client gets where two findings stack on one value (issue 13, item 6), in process. */
import { afterEach, expect, test } from 'vitest';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { startInProcess } from './inProcess';
import type { InProcessClient } from './inProcess';

let client: InProcessClient | null = null;
afterEach(async () => {
  await client?.close();
  client = null;
});

const REPORT = [
  'EXAM: DXA with TBS (CPT 77080, 77091)',
  '',
  'FINDINGS:',
  'Femoral neck T-score: -2.1',
  'TBS L1-L4: 1.262',
  '',
  'FRACTURE RISK:',
  'Risk model: FRAX',
  'TBS-adjusted 10-year probability: MOF 17%; hip 125%',
  '',
  'IMPRESSION:',
  'Osteopenia.',
  '',
  'Electronically signed by: Jane Doe, MD',
  '',
].join('\n');

test('an impossible hip risk above the MOF risk: a short hover, one line per finding with a link to its rule page', async () => {
  client = await startInProcess();
  const uri = 'file:///tmp/inproc/stack.radreport';
  await client.open(uri, REPORT);
  const line = 8;
  const character = REPORT.split('\n')[line].indexOf('125%') + 1;
  const h = (await client.conn.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line, character },
  })) as Hover;
  const value = (h.contents as MarkupContent).value;
  const lines = value.split('\n').filter(Boolean);
  expect(lines.length).toBeLessThanOrEqual(6);
  expect(lines[0]).toMatch(/^\*\*10-year hip fracture probability: 125 %\*\* \(TBS-adjusted, FRAX\)/);
  for (const code of ['risk-implausible', 'hip-risk-exceeds-mof']) {
    const l = lines.find((x) => x.includes(`[${code}](`));
    expect(l, code).toBeDefined();
    expect(l).toMatch(new RegExp(`\\(file://[^)]*/docs/rules/${code}\\.md\\)`));
  }
  // the BHOF worked example is for a lone value, not for a stack of findings
  expect(value).not.toMatch(/BHOF/);
});
