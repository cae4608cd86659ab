/**
 * The language server's handlers, in process (see inProcess.ts): what a user gets from each LSP
 * request and notification: diagnostics, quick-fixes and their edits, hover, completion, symbols,
 * folding, settings from every source, the config file, trust, skipped documents, closing.
 */
import { describe, test, expect, afterEach } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { applyEdits } from './lspClient';
import { startInProcess } from './inProcess';
import type { InProcessClient, InProcessOptions } from './inProcess';
import { version as PACKAGE_VERSION } from '../../package.json';

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

const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

let clients: InProcessClient[] = [];
async function start(opts?: InProcessOptions): Promise<InProcessClient> {
  const c = await startInProcess(opts);
  clients.push(c);
  return c;
}
afterEach(async () => {
  for (const c of clients) await c.close();
  clients = [];
});

type Edit = TextEdit & { snippet?: { value: string } };
function editsOf(action: CodeAction): Edit[] {
  const e = action.edit!;
  if (e.documentChanges) return (e.documentChanges[0] as { edits: Edit[] }).edits;
  return Object.values(e.changes!)[0] as Edit[];
}

function codeActions(
  c: InProcessClient,
  uri: string,
  context: { diagnostics: Diagnostic[]; only?: string[] },
  range = ORIGIN,
) {
  return c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context }) as Promise<
    CodeAction[]
  >;
}

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code).sort();

describe('initialize', () => {
  test('announces the features and the package version', async () => {
    const c = await start();
    const caps = c.initializeResult.capabilities;
    expect(c.initializeResult.serverInfo).toEqual({ name: 'tbs-report-language-server', version: PACKAGE_VERSION });
    expect(caps.textDocumentSync).toBe(2);
    expect(caps.hoverProvider).toBe(true);
    expect(caps.documentSymbolProvider).toBe(true);
    expect(caps.foldingRangeProvider).toBe(true);
    expect((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds).toEqual([
      'quickfix',
      'source.insertMissing.tbsReport',
      'source.fixAll.tbsReport',
      'source.normalise.tbsReport',
    ]);
    expect(caps.completionProvider?.triggerCharacters?.length).toBeGreaterThan(0);
  });

  test('a client with dynamic configuration registration is asked to register didChangeConfiguration', async () => {
    const c = await start({ capabilities: { workspace: { didChangeConfiguration: { dynamicRegistration: true } } } });
    const reg = await c.next<{ registrations: Array<{ method: string }> }>('client/registerCapability');
    expect(reg.registrations.map((r) => r.method)).toEqual(['workspace/didChangeConfiguration']);
  });
});

describe('diagnostics and quick-fixes', () => {
  test('a draft lacking provider and risk model: fix, see the slot, fill it, all clear', async () => {
    const c = await start();
    const uri = 'file:///tmp/inproc/draft.radreport';
    const diags = await c.open(uri, DRAFT);
    expect(codes(diags)).toEqual(['missing-provider', 'missing-risk-model']);
    for (const d of diags) {
      expect(d.source).toBe('tbs-report');
      expect(d.codeDescription?.href).toMatch(/docs\/rules\/missing-(provider|risk-model)\.md$/);
    }
    const d = diags.find((x) => x.code === 'missing-risk-model')!;
    const actions = await codeActions(c, uri, { diagnostics: [d], only: ['quickfix'] }, d.range);
    const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.[0].code === 'missing-risk-model')!;
    expect(fix.title).toMatch(/Insert/);
    expect(fix.isPreferred).toBe(true);
    // versioned edits: the client announced documentChanges
    expect((fix.edit!.documentChanges![0] as { textDocument: { version: number } }).textDocument.version).toBe(1);
    const fixed = applyEdits(DRAFT, editsOf(fix));
    expect(fixed.length).toBeGreaterThan(DRAFT.length);
    const after = await c.change(uri, fixed);
    expect(codes(after)).toEqual(['missing-provider', 'unfilled-placeholder']);
    const filled = fixed.replace('Risk model: ___', 'Risk model: FRAX') + 'Interpreting physician: Jane Roe, MD\n';
    expect(await c.change(uri, filled)).toEqual([]);
    // the status notification follows each publication
    const status = await c.next<{ uri: string; version: number; missing: string[]; checked: boolean }>(
      'tbsReport/status',
      (p) => p.uri === uri && p.version === 3,
    );
    expect(status.checked).toBe(true);
    expect(status.missing).toEqual([]);
  });

  test('without documentChanges the edits come as plain changes; snippet clients get tab stops', async () => {
    const plain = await start({ capabilities: {} });
    const uri = 'file:///tmp/inproc/plain.radreport';
    const d = (await plain.open(uri, DRAFT)).find((x) => x.code === 'missing-provider')!;
    const [fix] = await codeActions(plain, uri, { diagnostics: [d], only: ['quickfix'] }, d.range);
    expect(fix.edit!.documentChanges).toBeUndefined();
    expect(Object.keys(fix.edit!.changes!)).toEqual([uri]);

    const snip = await start({
      capabilities: { workspace: { workspaceEdit: { snippetEditSupport: true } as never } },
    });
    const d2 = (await snip.open(uri, DRAFT)).find((x) => x.code === 'missing-provider')!;
    const [fix2] = await codeActions(snip, uri, { diagnostics: [d2] }, d2.range);
    expect(editsOf(fix2)[0].snippet?.value).toContain('${1:___}');
  });

  test('a quick-fix is found from the cursor range alone, without the diagnostic', async () => {
    const c = await start();
    const uri = 'file:///tmp/inproc/range.radreport';
    const d = (await c.open(uri, DRAFT)).find((x) => x.code === 'missing-provider')!;
    const actions = await codeActions(c, uri, { diagnostics: [] }, d.range);
    expect(actions.some((a) => a.kind === 'quickfix' && a.diagnostics?.[0].code === 'missing-provider')).toBe(true);
  });

  test('"Insert all missing elements" inserts each once; the rest are placeholders', async () => {
    const c = await start();
    const uri = 'file:///tmp/inproc/bare.radreport';
    const bare = 'TBS note for CPT 77091.\nTBS 1.262.\n';
    expect(codes(await c.open(uri, bare))).toEqual([
      'missing-calculated-risk',
      'missing-provider',
      'missing-risk-model',
      'missing-t-score',
    ]);
    const actions = await codeActions(c, uri, { diagnostics: [], only: ['source'] });
    const all = actions.find((a) => a.kind === 'source.insertMissing.tbsReport')!;
    expect(all.title).toBe('Insert all missing elements (4)');
    const text = applyEdits(bare, editsOf(all));
    expect(text.startsWith('TBS note for CPT 77091.\n')).toBe(true);
    const after = await c.change(uri, text);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((d) => d.code === 'unfilled-placeholder')).toBe(true);
  });

  test('normalise turns Unicode minus and decimal commas into ASCII; fix-all offers no clinical change', async () => {
    const c = await start();
    const uri = 'file:///tmp/inproc/minus.radreport';
    const text = DRAFT.replace('-1.6      -0.2', '\u22121.6      \u22120.2').replace(
      'TBS L1-L4 1.262',
      'TBS L1-L4 1,262',
    );
    await c.open(uri, text);
    const actions = await codeActions(c, uri, { diagnostics: [], only: ['source'] });
    const norm = actions.find((a) => a.kind === 'source.normalise.tbsReport')!;
    expect(norm.title).toBe('Normalise minus signs and decimal commas (3)');
    expect(applyEdits(text, editsOf(norm))).toBe(DRAFT);
    // fix-all: only safe fixes; a WHO class or TBS category change is never one of them
    const wrong = DRAFT.replace('Low bone mass (osteopenia).', 'Osteoporosis.');
    const diags = await c.change(uri, wrong);
    expect(diags.some((d) => d.code === 'who-classification-mismatch')).toBe(true);
    const fixAll = await codeActions(c, uri, { diagnostics: diags, only: ['source.fixAll'] });
    expect(fixAll).toEqual([]);
    const quick = await codeActions(c, uri, { diagnostics: diags, only: ['quickfix'] });
    const who = quick.find((a) => a.diagnostics?.[0].code === 'who-classification-mismatch')!;
    expect(who.isPreferred).toBeUndefined();
  });

  test('CRLF text: quick-fix lines are CRLF', async () => {
    const c = await start();
    const uri = 'file:///tmp/inproc/crlf.radreport';
    const crlf = DRAFT.replace(/\n/g, '\r\n');
    const d = (await c.open(uri, crlf)).find((x) => x.code === 'missing-risk-model')!;
    const [fix] = await codeActions(c, uri, { diagnostics: [d] }, d.range);
    const inserted = editsOf(fix)
      .map((e) => e.newText)
      .join('');
    expect(inserted).toContain('\r\n');
    expect(/[^\r]\n/.test(inserted)).toBe(false);
  });
});

describe('hover, completion, symbols, folding', () => {
  test('on a draft', async () => {
    const c = await start({
      capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
    });
    const uri = 'file:///tmp/inproc/h.radreport';
    await c.open(uri, DRAFT);
    const line = DRAFT.split('\n').findIndex((l) => l.startsWith('TBS L1-L4'));
    const h = (await c.conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: 11 },
    })) as Hover;
    expect(JSON.stringify(h.contents)).toMatch(/partially degraded/);
    expect(h.range?.start.line).toBe(line);
    const nothing = await c.conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 2, character: 0 },
    });
    expect(nothing).toBeNull();

    const comp = (await c.conn.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 2, character: 0 },
      context: { triggerKind: 1 },
    })) as CompletionItem[];
    expect(comp.map((i) => i.label)).toEqual(['Risk model:', 'Interpreting physician:', 'Electronically signed by:']);
    expect(comp.map((i) => i.sortText)).toEqual(['000', '001', '002']);

    const syms = (await c.conn.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri },
    })) as DocumentSymbol[];
    expect(syms.map((s) => s.name)).toEqual([
      'LAKEVIEW REGIONAL IMAGING',
      'EXAM',
      'FINDINGS',
      'TRABECULAR BONE SCORE',
      'FRACTURE RISK',
      'IMPRESSION',
    ]);
    const findings = syms[2];
    expect(findings.range.start.line).toBe(3);
    expect(findings.range.end.character).toBe(DRAFT.split('\n')[findings.range.end.line].length);
    const folds = (await c.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
    expect(folds).toContainEqual({ startLine: 3, endLine: 6, kind: 'region' });
  });

  test('completion after the trigger character offers the models; without snippet support, plain text', async () => {
    const c = await start({ capabilities: {} });
    const uri = 'file:///tmp/inproc/c.radreport';
    const text = DRAFT + 'Risk model:';
    await c.open(uri, text);
    const last = text.split('\n').length - 1;
    const items = (await c.conn.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: last, character: 'Risk model:'.length },
      context: { triggerKind: 2, triggerCharacter: ':' },
    })) as CompletionItem[];
    expect(items.map((i) => i.label)).toContain('FRAX');
    // an old client that sends no context: an explicit request; the label's choice is plain text
    const old = (await c.conn.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 2, character: 0 },
    })) as CompletionItem[];
    const label = old.find((i) => i.label === 'Risk model:')!;
    expect(label.insertText).toBe('Risk model: FRAX');
    expect(label.insertTextFormat).toBe(1);
    // a trigger character where no label precedes it offers nothing
    const none = await c.conn.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 2, character: 0 },
      context: { triggerKind: 2, triggerCharacter: ':' },
    });
    expect(none).toEqual([]);
  });

  test('a plain-text document without TBS gets no completion, symbols or folding', async () => {
    const c = await start();
    const uri = 'file:///tmp/inproc/list.txt';
    expect(await c.open(uri, 'Shopping list\nmilk\n', 'plaintext')).toEqual([]);
    const pos = { line: 1, character: 0 };
    expect(await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos })).toEqual([]);
    expect(await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })).toEqual([]);
    expect(await c.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } })).toEqual([]);
    expect(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos })).toBeNull();
    expect(await codeActions(c, uri, { diagnostics: [] })).toEqual([]);
  });

  test('requests for documents never opened answer empty', async () => {
    const c = await start();
    const uri = 'file:///tmp/inproc/unknown.radreport';
    const pos = { line: 0, character: 0 };
    expect(await codeActions(c, uri, { diagnostics: [] })).toEqual([]);
    expect(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos })).toBeNull();
    expect(await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos })).toEqual([]);
    expect(await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })).toEqual([]);
    expect(await c.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } })).toEqual([]);
    expect((await c.open('file:///tmp/inproc/after.radreport', DRAFT)).length).toBeGreaterThan(0);
  });
});

describe('which documents are checked', () => {
  test('plain text and Markdown are checked when they mention TBS, unless checkPlainText is off', async () => {
    const c = await start();
    expect(codes(await c.open('file:///tmp/inproc/tbs.txt', 'TBS 1.262\n', 'plaintext'))).toContain('missing-provider');
    expect(codes(await c.open('file:///tmp/inproc/tbs.md', 'Trabecular bone score 1.262\n', 'markdown'))).toContain(
      'missing-provider',
    );
    expect(await c.open('file:///tmp/inproc/tbs.json', '{"TBS": 1.262}\n', 'json')).toEqual([]);
    const off = await start({ initializationOptions: { debounceMs: 0, checkPlainText: false } });
    expect(await off.open('file:///tmp/inproc/tbs.txt', 'TBS 1.262\n', 'plaintext')).toEqual([]);
    const s = await off.next<{ checked: boolean; reason: string }>('tbsReport/status');
    expect(s).toMatchObject({ checked: false, reason: 'not a TBS report' });
  });

  test('tbsReport.enable false: nothing is reported, and the status says why', async () => {
    const c = await start({ initializationOptions: { tbsReport: { enable: false, debounceMs: 0 } } });
    const uri = 'file:///tmp/inproc/off.radreport';
    expect(await c.open(uri, DRAFT)).toEqual([]);
    const s = await c.next<{ checked: boolean; reason: string; errors: number }>('tbsReport/status');
    expect(s).toMatchObject({ checked: false, reason: 'checking is turned off (tbsReport.enable)', errors: 0 });
  });

  test('a file above maxFileSize is skipped with one message', async () => {
    const c = await start({ initializationOptions: { debounceMs: 0, maxFileSize: 1024 * 1024 } });
    const uri = 'file:///tmp/inproc/big.radreport';
    const big = DRAFT + 'x'.repeat(1024 * 1024) + '\n';
    expect(await c.open(uri, big)).toEqual([]);
    const msg = await c.next<{ type: number; message: string }>('window/showMessageRequest');
    expect(msg.message).toMatch(
      /skipped big\.radreport: the file is 1\.0 MB, above tbsReport\.maxFileSize \(1\.0 MB\)/,
    );
    await c.change(uri, big + 'y');
    expect(c.messages.filter((m) => m.method === 'window/showMessageRequest')).toHaveLength(1);
  });

  test('a document whose text is not a string (a protocol error) is an empty document, not a crash', async () => {
    const c = await start();
    const uri = 'file:///tmp/inproc/weird.radreport';
    const published = c.diagnostics(uri);
    await c.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'radiology-report', version: 1, text: 42 },
    });
    expect((await published).version).toBe(1);
    expect((await c.open('file:///tmp/inproc/ok.radreport', DRAFT)).length).toBe(2);
  });
});

describe('document lifecycle', () => {
  test('closing a document clears its diagnostics', async () => {
    const c = await start();
    const uri = 'file:///tmp/inproc/close.radreport';
    await c.open(uri, DRAFT);
    const cleared = c.diagnostics(uri);
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    expect(await cleared).toEqual({ uri, diagnostics: [] });
  });

  test('with a debounce, quick successive changes publish only the last version', async () => {
    const c = await start({ initializationOptions: { debounceMs: 30 } });
    const uri = 'file:///tmp/inproc/typing.radreport';
    await c.open(uri, DRAFT);
    const last = c.diagnostics(uri, (p) => p.version === 4);
    for (const v of [2, 3, 4])
      await c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ text: DRAFT + 'x'.repeat(v) + '\n' }],
      });
    await last;
    expect(c.published(uri).map((p) => p.version)).toEqual([1, 4]);
  });

  test('incremental changes are applied to the document', async () => {
    const c = await start();
    const uri = 'file:///tmp/inproc/incr.radreport';
    await c.open(uri, DRAFT);
    const end = DRAFT.split('\n').length - 1;
    const published = c.diagnostics(uri, (p) => p.version === 2);
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        {
          range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } },
          text: 'Risk model: FRAX\nInterpreting physician: Jane Roe, MD\n',
        },
      ],
    });
    expect((await published).diagnostics).toEqual([]);
  });
});

describe('settings', () => {
  test('pulled with workspace/configuration; didChangeConfiguration pulls again', async () => {
    let severity: Record<string, string> = {};
    const c = await start({
      capabilities: { workspace: { configuration: true } },
      configuration: (section) => (section === 'tbsReport' ? { debounceMs: 0, severity } : null),
    });
    const uri = 'file:///tmp/inproc/cfg.radreport';
    expect(codes(await c.open(uri, DRAFT))).toEqual(['missing-provider', 'missing-risk-model']);
    const asked = await c.next<{ items: Array<{ section: string; scopeUri: string }> }>('workspace/configuration');
    expect(asked.items).toEqual([{ section: 'tbsReport', scopeUri: uri }]);
    severity = { 'missing-provider': 'off', 'missing-risk-model': 'error' };
    const again = c.diagnostics(uri);
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = (await again).diagnostics;
    expect(codes(after)).toEqual(['missing-risk-model']);
    expect(after[0].severity).toBe(1);
  });

  test('pushed settings merge over initializationOptions', async () => {
    const c = await start({
      initializationOptions: { debounceMs: 0, severity: { 'missing-risk-model': 'off' } },
    });
    const uri = 'file:///tmp/inproc/push.radreport';
    expect(codes(await c.open(uri, DRAFT))).toEqual(['missing-provider']);
    const again = c.diagnostics(uri);
    await c.conn.sendNotification('workspace/didChangeConfiguration', {
      settings: { tbsReport: { severity: { 'missing-provider': 'hint' } } },
    });
    const after = (await again).diagnostics;
    expect(codes(after)).toEqual(['missing-provider']);
    expect(after[0].severity).toBe(4);
  });

  test('a failing workspace/configuration falls back to the other settings', async () => {
    const c = await start({ capabilities: { workspace: { configuration: true } }, configurationFails: true });
    expect(codes(await c.open('file:///tmp/inproc/f.radreport', DRAFT))).toEqual([
      'missing-provider',
      'missing-risk-model',
    ]);
  });

  test('an invalid setting is logged once and ignored', async () => {
    const c = await start({ initializationOptions: { debounceMs: 0, severity: { 'missing-provider': 'loud' } } });
    const diags = await c.open('file:///tmp/inproc/bad1.radreport', DRAFT);
    expect(codes(diags)).toEqual(['missing-provider', 'missing-risk-model']);
    const log = await c.next<{ type: number; message: string }>('window/logMessage', (m) =>
      /ignored setting/.test(m.message),
    );
    expect(log.type).toBe(2);
    expect(log.message).toMatch(/missing-provider/);
    await c.open('file:///tmp/inproc/bad2.radreport', DRAFT);
    expect(
      c.messages.filter((m) => /ignored setting/.test((m.params as { message?: string }).message ?? '')),
    ).toHaveLength(1);
  });
});

describe('.tbsreportrc.json and workspace trust', () => {
  let dir = '';
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  function workspace(config: string): string {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tbsrc-inproc-'));
    fs.mkdirSync(path.join(dir, 'sub', 'deeper'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.tbsreportrc.json'), config);
    return pathToFileURL(path.join(dir, 'sub', 'deeper', 'r.radreport')).href;
  }

  test('the nearest config file applies over the settings; not in an untrusted workspace; trust can change', async () => {
    const uri = workspace(
      '\uFEFF' + JSON.stringify({ $schema: './schema.json', severity: { 'missing-provider': 'off' } }),
    );
    const trusted = await start();
    expect(codes(await trusted.open(uri, DRAFT))).toEqual(['missing-risk-model']);

    const untrusted = await start({ initializationOptions: { debounceMs: 0, workspaceTrusted: false } });
    expect(codes(await untrusted.open(uri, DRAFT))).toEqual(['missing-provider', 'missing-risk-model']);
    const again = untrusted.diagnostics(uri);
    await untrusted.conn.sendNotification('tbsReport/workspaceTrust', { trusted: true });
    expect(codes((await again).diagnostics)).toEqual(['missing-risk-model']);
  });

  test('an edited config file applies after didChangeWatchedFiles', async () => {
    const uri = workspace('{}');
    const c = await start();
    expect(codes(await c.open(uri, DRAFT))).toEqual(['missing-provider', 'missing-risk-model']);
    fs.writeFileSync(
      path.join(dir, '.tbsreportrc.json'),
      JSON.stringify({ severity: { 'missing-risk-model': 'off' } }),
    );
    const again = c.diagnostics(uri);
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(path.join(dir, '.tbsreportrc.json')).href, type: 2 }],
    });
    expect(codes((await again).diagnostics)).toEqual(['missing-provider']);
  });

  test.each([
    ['not JSON', '{ not json', /\.tbsreportrc\.json: .*JSON/],
    ['not an object', '[1, 2]', /\.tbsreportrc\.json: expected a JSON object/],
  ])('a config file that is %s is reported once and ignored', async (_what, text, message) => {
    const uri = workspace(text);
    const c = await start();
    expect(codes(await c.open(uri, DRAFT))).toEqual(['missing-provider', 'missing-risk-model']);
    const shown = await c.next<{ message: string }>('window/showMessageRequest');
    expect(shown.message).toMatch(/^TBS Report Assistant ignored /);
    expect(shown.message).toMatch(message);
    await c.change(uri, DRAFT + '\n');
    expect(c.messages.filter((m) => m.method === 'window/showMessageRequest')).toHaveLength(1);
  });

  test('documents that are not files (untitled:) get no config file', async () => {
    const c = await start();
    expect(codes(await c.open('untitled:Untitled-1', DRAFT))).toEqual(['missing-provider', 'missing-risk-model']);
  });
});
