/**
 * Protocol tests: the built server (node dist/server.js --stdio) driven by a real JSON-RPC client.
 * Open a report, receive diagnostics, apply each missing-* quick-fix, see the original text intact
 * and the finding turn into an unfilled-placeholder inside the inserted line; fill it and see it clear.
 */
import { test } from 'vitest';
import assert from 'node:assert/strict';
import type {
  CodeAction,
  Diagnostic,
  Hover,
  CompletionItem,
  DocumentSymbol,
  FoldingRange,
} from 'vscode-languageserver-protocol';
import { applyEdits, startServer } from './lspClient';
import type { TestClient } from './lspClient';

const DRAFT = [
  'LAKEVIEW REGIONAL IMAGING',
  'EXAM: DXA lumbar spine and left hip with trabecular bone score (CPT 77080, 77091)',
  '',
  'FINDINGS:',
  'Region               BMD (g/cm2)   T-score   Z-score',
  'L1-L4                  0.871        -1.6      -0.2',
  'Left femoral neck      0.694        -2.1      -0.7',
  '',
  'TRABECULAR BONE SCORE:',
  'TBS L1-L4 1.262 (partially degraded microarchitecture).',
  '',
  'FRACTURE RISK:',
  'TBS-adjusted 10-year probability: MOF 17%; hip 2.9%.',
  '',
  'IMPRESSION:',
  'Low bone mass (osteopenia). Partially degraded microarchitecture.',
  '',
].join('\n');

let version = 1;
async function open(c: TestClient, uri: string, text: string, languageId = 'radiology-report') {
  version = 1;
  const wait = c.diagnostics(uri);
  await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  return (await wait).diagnostics;
}

async function change(c: TestClient, uri: string, text: string) {
  version++;
  const v = version;
  const wait = c.diagnostics(uri, (p) => p.version === v);
  await c.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: v },
    contentChanges: [{ text }],
  });
  return (await wait).diagnostics;
}

function editsOf(action: CodeAction) {
  const e = action.edit!;
  if (e.documentChanges)
    return (
      e.documentChanges[0] as {
        edits: Array<{ range: Diagnostic['range']; newText?: string; snippet?: { value: string } }>;
      }
    ).edits;
  return Object.values(e.changes!)[0];
}

/** The text the edit inserted, given that it only inserts: original + inserted == result. */
function assertOnlyInserted(original: string, result: string): string {
  let i = 0;
  while (i < original.length && original[i] === result[i]) i++;
  const tail = original.slice(i);
  assert.ok(result.endsWith(tail), 'the text after the insertion must be the original text');
  const inserted = result.slice(i, result.length - tail.length);
  assert.equal(result.slice(0, i) + result.slice(i + inserted.length), original, 'original text intact');
  return inserted;
}

test('missing provider and risk model: diagnostics, quick-fixes, slots, filling', async () => {
  const c = await startServer();
  try {
    const uri = 'file:///tmp/draft.radreport';
    const diags = await open(c, uri, DRAFT);
    const codes = diags.map((d) => d.code).sort();
    assert.deepEqual(codes, ['missing-provider', 'missing-risk-model']);
    for (const d of diags) {
      assert.equal(d.source, 'tbs-report');
      assert.match(String(d.codeDescription?.href), /docs\/rules\/missing-(provider|risk-model)\.md$/);
    }
    let text = DRAFT;
    for (const code of ['missing-risk-model', 'missing-provider']) {
      const current = await change(c, uri, text);
      const d = current.find((x) => x.code === code)!;
      assert.ok(d, `${code} still reported before its fix`);
      const actions = (await c.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d], only: ['quickfix'] },
      })) as CodeAction[];
      const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.some((x) => x.code === code));
      assert.ok(fix, `a quick-fix for ${code}`);
      assert.equal(fix.isPreferred, true);
      const before = text;
      text = applyEdits(text, editsOf(fix));
      const inserted = assertOnlyInserted(before, text);
      assert.match(inserted, /___/);
      const after = await change(c, uri, text);
      assert.ok(!after.some((x) => x.code === code), `${code} gone after the fix`);
      // The inserted line starts at the insertion offset: find the placeholder finding inside it.
      const start = text.indexOf(inserted);
      const firstLine = text.slice(0, start).split('\n').length - 1;
      const lastLine = firstLine + inserted.split('\n').length - 1;
      const slot = after.find(
        (x) => x.code === 'unfilled-placeholder' && x.range.start.line >= firstLine && x.range.start.line <= lastLine,
      );
      assert.ok(slot, 'an unfilled-placeholder inside the inserted line');
      assert.equal(
        text.split('\n')[slot.range.start.line].slice(slot.range.start.character, slot.range.end.character),
        '___',
      );
    }
    // Fill both slots: everything clears.
    const filled = text
      .replace('Risk model: ___', 'Risk model: FRAX')
      .replace('Interpreting physician: ___', 'Interpreting physician: Jane Roe, MD');
    const final = await change(c, uri, filled);
    assert.deepEqual(
      final.map((d) => d.code),
      [],
    );
  } finally {
    await c.close();
  }
});

test('snippet edits when the client supports them; plain edits otherwise', async () => {
  const c = await startServer({
    capabilities: { workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } as never } },
  });
  try {
    const uri = 'file:///tmp/s.radreport';
    const diags = await open(c, uri, DRAFT);
    const d = diags.find((x) => x.code === 'missing-provider')!;
    const actions = (await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.kind === 'quickfix')!;
    const edit = editsOf(fix)[0];
    assert.equal(
      (edit as { snippet?: { value: string } }).snippet?.value.includes('${1:___}'),
      true,
      'the slot is a tab stop',
    );
    assert.equal((fix.edit!.documentChanges![0] as { textDocument: { version: number } }).textDocument.version, 1);
  } finally {
    await c.close();
  }
});

test('insert all missing elements at once, into a report without sections', async () => {
  const c = await startServer();
  try {
    const uri = 'file:///tmp/bare.radreport';
    const bare = 'TBS note for CPT 77091.\nTBS 1.262.\n';
    const diags = await open(c, uri, bare);
    assert.deepEqual(diags.map((d) => d.code).sort(), [
      'missing-calculated-risk',
      'missing-provider',
      'missing-risk-model',
      'missing-t-score',
    ]);
    const actions = (await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source'] },
    })) as CodeAction[];
    const all = actions.find((a) => a.kind === 'source.insertMissing.tbsReport');
    assert.ok(all, 'an Insert all missing elements action');
    assert.match(all.title, /Insert all missing elements \(4\)/);
    const text = applyEdits(bare, editsOf(all));
    assertOnlyInserted(bare, text);
    assert.equal((text.match(/FRACTURE RISK:/g) ?? []).length, 1, 'one new risk section for two elements');
    const after = await change(c, uri, text);
    assert.ok(
      after.every((d) => d.code === 'unfilled-placeholder'),
      JSON.stringify(after.map((d) => d.code)),
    );
  } finally {
    await c.close();
  }
});

test('CRLF report: the quick-fix inserts CRLF lines and keeps every character', async () => {
  const c = await startServer();
  try {
    const uri = 'file:///tmp/crlf.radreport';
    const crlf = DRAFT.replace(/\n/g, '\r\n');
    const diags = await open(c, uri, crlf);
    const d = diags.find((x) => x.code === 'missing-risk-model')!;
    const actions = (await c.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    const text = applyEdits(crlf, editsOf(actions.find((a) => a.kind === 'quickfix')!));
    const inserted = assertOnlyInserted(crlf, text);
    assert.ok(!/[^\r]\n/.test(inserted), 'inserted line breaks are CRLF');
  } finally {
    await c.close();
  }
});

test('plain text without TBS is never touched; with TBS it is checked', async () => {
  const c = await startServer();
  try {
    const none = await open(c, 'file:///tmp/note.txt', 'Shopping list: milk, eggs.\n___\n', 'plaintext');
    assert.deepEqual(none, []);
    const some = await open(c, 'file:///tmp/tbs.txt', 'TBS 1.262\n', 'plaintext');
    assert.ok(some.some((d) => d.code === 'missing-provider'));
  } finally {
    await c.close();
  }
});

test('settings pulled with workspace/configuration; a rule turned off disappears after didChangeConfiguration', async () => {
  let severity: Record<string, string> = {};
  const c = await startServer({
    capabilities: { workspace: { configuration: true, workspaceEdit: { documentChanges: true } } },
    configuration: (section) => (section === 'tbsReport' ? { debounceMs: 0, severity } : null),
  });
  try {
    const uri = 'file:///tmp/cfg.radreport';
    const diags = await open(c, uri, DRAFT);
    assert.ok(diags.some((d) => d.code === 'missing-provider'));
    severity = { 'missing-provider': 'off', 'missing-risk-model': 'error' };
    const wait = c.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'missing-provider'));
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = (await wait).diagnostics;
    assert.equal(after.find((d) => d.code === 'missing-risk-model')?.severity, 1);
  } finally {
    await c.close();
  }
});

test('status notification counts documented elements', async () => {
  const c = await startServer();
  try {
    const uri = 'file:///tmp/status.radreport';
    await open(c, uri, DRAFT);
    const s = await c.waitNotification<{ uri: string; documented: string[]; required: string[]; missing: string[] }>(
      'tbsReport/status',
      (p) => p.uri === uri,
    );
    assert.equal(s.required.length, 5);
    assert.equal(s.documented.length, 3);
    assert.deepEqual([...s.missing].sort(), ['provider', 'riskModel']);
  } finally {
    await c.close();
  }
});

test('hover, completion, symbols and folding', async () => {
  const c = await startServer({
    capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
  });
  try {
    const uri = 'file:///tmp/h.radreport';
    await open(c, uri, DRAFT);
    const line = DRAFT.split('\n').findIndex((l) => l.startsWith('TBS L1-L4'));
    const h = (await c.conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: 11 },
    })) as Hover;
    assert.match(JSON.stringify(h.contents), /partially degraded/);
    const t = (await c.conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 6, character: 37 },
    })) as Hover;
    assert.match(JSON.stringify(t.contents), /low bone mass/);
    const code = (await c.conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 1, character: 77 },
    })) as Hover;
    assert.match(JSON.stringify(code.contents), /technical calculation only/);
    const comp = (await c.conn.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 2, character: 0 },
    })) as CompletionItem[];
    // an empty line: only the labels of the elements the draft still lacks (risk model, provider)
    assert.deepEqual(
      comp.map((i) => i.label),
      ['Risk model:', 'Interpreting physician:', 'Electronically signed by:'],
    );
    const syms = (await c.conn.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri },
    })) as DocumentSymbol[];
    assert.deepEqual(
      syms.map((s) => s.name),
      ['LAKEVIEW REGIONAL IMAGING', 'EXAM', 'FINDINGS', 'TRABECULAR BONE SCORE', 'FRACTURE RISK', 'IMPRESSION'],
    );
    const folds = (await c.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
    assert.ok(folds.some((f) => f.startLine === 3 && f.endLine === 6));
  } finally {
    await c.close();
  }
});

test('requests for unknown documents answer empty, never crash', async () => {
  const c = await startServer();
  try {
    const uri = 'file:///tmp/unknown.radreport';
    assert.deepEqual(
      await c.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [] },
      }),
      [],
    );
    assert.equal(
      await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 99, character: 99 } }),
      null,
    );
    const diags = await open(c, 'file:///tmp/after.radreport', DRAFT);
    assert.ok(diags.length > 0, 'server still works');
  } finally {
    await c.close();
  }
});

test('.tbsreportrc.json applies over the settings, and is ignored in an untrusted workspace', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { pathToFileURL } = await import('node:url');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tbsrc-'));
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.writeFileSync(path.join(dir, '.tbsreportrc.json'), JSON.stringify({ severity: { 'missing-provider': 'off' } }));
  const uri = pathToFileURL(path.join(dir, 'sub', 'r.radreport')).href;
  for (const trusted of [true, false]) {
    const c = await startServer({ initializationOptions: { debounceMs: 0, workspaceTrusted: trusted } });
    try {
      const diags = await open(c, uri, DRAFT);
      assert.equal(
        diags.some((d) => d.code === 'missing-provider'),
        !trusted,
        `trusted=${trusted}`,
      );
      assert.ok(diags.some((d) => d.code === 'missing-risk-model'));
    } finally {
      await c.close();
    }
  }
  // A broken config file is reported and ignored; checking goes on.
  fs.writeFileSync(path.join(dir, '.tbsreportrc.json'), '{ not json');
  const c = await startServer();
  try {
    const diags = await open(c, uri, DRAFT);
    assert.ok(diags.some((d) => d.code === 'missing-provider'));
    const msg = await c.waitNotification<{ message: string }>('window/showMessage', (m) =>
      /tbsreportrc/.test(m.message),
    );
    assert.match(msg.message, /\.tbsreportrc\.json/);
  } finally {
    await c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
