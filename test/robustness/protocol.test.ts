/**
 * Protocol misuse against the real server (dist/server.js over stdio): requests for documents that
 * were never opened, positions outside the document, version jumps, malformed params, unknown
 * methods and cancellation. Each gets an error response or nothing, never a crash: the server must
 * answer correctly afterwards. Also: a killed server leaves nothing behind that a new one trips on,
 * and a server whose client goes away exits by itself.
 */
import { test } from 'vitest';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer } from '../protocol/lspClient';
import type { TestClient } from '../protocol/lspClient';
import { generateReport } from './reportGen';

// A generated report made a draft: no signature line, and the TBS value left as a placeholder.
const REPORT = generateReport(21, { style: 'lakeview', defectRate: 0, eol: '\n' })
  .replace(/^Electronically signed by: .*$/m, '')
  .replace(/^(TBS L1-L4 |TBS value: |Trabecular bone score \(L1-L4\) = )\d\.\d{3}/m, '$1___');
const URI = 'file:///tmp/misuse.radreport';

/** The outcome of a request: its result, or the error code the server answered with. */
async function outcome(
  c: TestClient,
  method: string,
  params: unknown,
  ms = 5000,
): Promise<{ result?: unknown; error?: number }> {
  const timer = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`${method}: no answer within ${ms} ms`)), ms),
  );
  try {
    return { result: await Promise.race([c.conn.sendRequest(method, params), timer]) };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'number') throw e;
    return { error: code };
  }
}

/** The server is alive and right: a fresh document gets the diagnostics a fresh server gives it. */
async function assertHealthy(c: TestClient, expected: Diagnostic[], tag: string): Promise<void> {
  assert.equal(c.proc.exitCode, null, `${tag}: server exited (${c.proc.exitCode}); stderr: ${c.stderr().slice(-2000)}`);
  assert.equal(c.proc.signalCode, null, `${tag}: server killed by ${c.proc.signalCode}`);
  const uri = `file:///tmp/healthy-${tag.replace(/\W+/g, '-')}.radreport`;
  const wait = c.diagnostics(uri, () => true, 5000);
  await c.conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'radiology-report', version: 1, text: REPORT },
  });
  const got = await wait;
  assert.deepEqual(got.diagnostics, expected, `${tag}: diagnostics differ from a fresh server's`);
  const hover = await outcome(c, 'textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  assert.equal(hover.error, undefined, `${tag}: hover failed after misuse`);
}

let baseline: Diagnostic[] = [];

test('baseline: diagnostics of the report on a fresh server', async () => {
  const c = await startServer();
  try {
    const wait = c.diagnostics(URI);
    await c.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'radiology-report', version: 1, text: REPORT },
    });
    baseline = (await wait).diagnostics;
    assert.ok(baseline.length > 0, 'the report (with defects) has findings');
  } finally {
    await c.close();
  }
});

test('requests for a document that was never opened: an empty answer or an error, never a crash', async () => {
  const c = await startServer();
  try {
    const uri = 'file:///tmp/never-opened.radreport';
    const td = { textDocument: { uri } };
    const pos = { line: 0, character: 0 };
    const range = { start: pos, end: pos };
    const calls: Array<[string, unknown]> = [
      ['textDocument/hover', { ...td, position: pos }],
      ['textDocument/completion', { ...td, position: pos }],
      ['textDocument/codeAction', { ...td, range, context: { diagnostics: [] } }],
      ['textDocument/documentSymbol', td],
      ['textDocument/foldingRange', td],
    ];
    for (const [method, params] of calls) {
      const o = await outcome(c, method, params);
      assert.ok(
        o.error !== undefined || o.result === null || (Array.isArray(o.result) && o.result.length === 0),
        `${method}: ${JSON.stringify(o)}`,
      );
    }
    // Notifications about it: change and close of an unknown document.
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: 'TBS 1.2' }],
    });
    await c.conn.sendNotification('textDocument/didClose', td);
    await assertHealthy(c, baseline, 'unknown documents');
  } finally {
    await c.close();
  }
});

test('positions and ranges outside the document', async () => {
  const c = await startServer();
  try {
    const wait = c.diagnostics(URI);
    await c.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'radiology-report', version: 1, text: REPORT },
    });
    await wait;
    const td = { textDocument: { uri: URI } };
    const positions = [
      { line: 100000, character: 0 },
      { line: 0, character: 100000 },
      { line: -1, character: -1 },
      { line: 2 ** 31, character: 2 ** 31 },
      { line: 1.5, character: 0.25 },
    ];
    for (const position of positions) {
      for (const method of ['textDocument/hover', 'textDocument/completion']) {
        const o = await outcome(c, method, { ...td, position });
        assert.ok(
          o.error !== undefined || o.result === null || Array.isArray(o.result) || typeof o.result === 'object',
          `${method} ${JSON.stringify(position)}: ${JSON.stringify(o)}`,
        );
      }
      const o = await outcome(c, 'textDocument/codeAction', {
        ...td,
        range: { start: { line: 0, character: 0 }, end: position },
        context: { diagnostics: [] },
      });
      assert.ok(
        o.error !== undefined || Array.isArray(o.result) || o.result === null,
        `codeAction to ${JSON.stringify(position)}: ${JSON.stringify(o)}`,
      );
    }
    // An incremental change whose range lies past the end: clients never send it, servers must survive it.
    const v2 = c.diagnostics(URI, (p) => p.version === 2, 5000).catch(() => null);
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [
        { range: { start: { line: 5000, character: 3 }, end: { line: 9000, character: 0 } }, text: 'appended' },
      ],
    });
    await v2;
    await assertHealthy(c, baseline, 'out-of-range positions');
  } finally {
    await c.close();
  }
});

test('version jumps (forward by 1000, backwards, repeated) still end with the latest text checked', async () => {
  const c = await startServer();
  try {
    const first = c.diagnostics(URI);
    await c.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'radiology-report', version: 1, text: 'TBS 1.262\n' },
    });
    await first;
    for (const [version, text] of [
      [1000, 'TBS 9.9\n'],
      [500, 'TBS 1.1\n'],
      [500, 'TBS 1.2\n'],
      [1001, REPORT],
    ] as const) {
      await c.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri: URI, version },
        contentChanges: [{ text }],
      });
    }
    const last = await c.diagnostics(URI, (p) => p.version === 1001, 5000);
    assert.deepEqual(last.diagnostics, baseline, 'the last full text is what is checked');
    await assertHealthy(c, baseline, 'version jumps');
  } finally {
    await c.close();
  }
});

test('malformed params: an error response or nothing, never a crash', async () => {
  const c = await startServer();
  try {
    const wait = c.diagnostics(URI);
    await c.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'radiology-report', version: 1, text: REPORT },
    });
    await wait;
    const bad: unknown[] = [
      null,
      {},
      [],
      42,
      'x',
      { textDocument: null },
      { textDocument: { uri: 42 }, position: 'here' },
      { textDocument: { uri: URI }, position: null },
      { textDocument: { uri: URI }, range: { start: 'a' } },
    ];
    for (const method of [
      'textDocument/hover',
      'textDocument/completion',
      'textDocument/codeAction',
      'textDocument/documentSymbol',
      'textDocument/foldingRange',
    ]) {
      for (const params of bad) await outcome(c, method, params); // any answer is fine; no answer (timeout) fails
    }
    // Malformed notifications: nothing to answer, but nothing may break.
    const notes: Array<[string, unknown]> = [
      ['textDocument/didOpen', null],
      ['textDocument/didOpen', { textDocument: null }],
      ['textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: 'not an array' }],
      [
        'textDocument/didChange',
        { textDocument: { uri: URI, version: 3 }, contentChanges: [{ range: { start: { line: 'a' } }, text: 'x' }] },
      ],
      [
        'textDocument/didChange',
        {
          textDocument: { uri: URI, version: 4 },
          contentChanges: [
            { range: { start: { line: 3, character: 9 }, end: { line: 1, character: 0 } }, text: 'reversed' },
          ],
        },
      ],
      ['textDocument/didChange', null],
      ['textDocument/didClose', { textDocument: {} }],
      [
        'workspace/didChangeConfiguration',
        {
          settings: {
            tbsReport: { debounceMs: 'soon', maxFileSize: -5, severity: 'loud', labels: { tbs: [{}] }, profile: 99 },
          },
        },
      ],
      ['workspace/didChangeConfiguration', null],
      ['$/setTrace', { value: 'nonsense' }],
      ['unknown/notification', { x: 1 }],
    ];
    for (const [method, params] of notes) await c.conn.sendNotification(method, params);
    // Unknown request methods: MethodNotFound.
    const unknown = await outcome(c, 'tbsReport/noSuchRequest', { x: 1 });
    assert.equal(unknown.error, -32601, 'an unknown request is answered with MethodNotFound');
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { tbsReport: {} } });
    await assertHealthy(c, baseline, 'malformed params');
  } finally {
    await c.close();
  }
});

for (const [what, textDocument] of [
  ['without text', { uri: 'file:///tmp/no-text.radreport', languageId: 'radiology-report', version: 1 }],
  [
    'with a number for text',
    { uri: 'file:///tmp/num-text.radreport', languageId: 'radiology-report', version: 1, text: 42 },
  ],
  [
    'with an object for text',
    { uri: 'file:///tmp/obj-text.radreport', languageId: 'radiology-report', version: 1, text: { a: 1 } },
  ],
] as const) {
  test(`didOpen ${what} does not crash the server`, async () => {
    const c = await startServer();
    try {
      await c.conn.sendNotification('textDocument/didOpen', { textDocument });
      const o = await outcome(c, 'tbsReport/noSuchRequest', {}, 3000).catch((e: Error) => ({ error: e.message }));
      assert.equal(
        o.error,
        -32601,
        `the server stopped answering: ${JSON.stringify(o)}; exit ${c.proc.exitCode}; stderr: ${c.stderr().split('\n').slice(0, 6).join(' | ')}`,
      );
      await assertHealthy(c, baseline, `didOpen ${what}`);
    } finally {
      await c.close();
    }
  });
}

test('cancellation: cancelled, unknown and repeated $/cancelRequest ids', async () => {
  const c = await startServer();
  try {
    const wait = c.diagnostics(URI);
    await c.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'radiology-report', version: 1, text: REPORT },
    });
    await wait;
    // vscode-jsonrpc cancels with $/cancelRequest when its token fires.
    const { CancellationTokenSource } = await import('vscode-languageserver-protocol');
    for (let i = 0; i < 20; i++) {
      const src = new CancellationTokenSource();
      const p = c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } }, src.token);
      src.cancel();
      try {
        await p;
      } catch (e) {
        // RequestCancelled (-32800) is the right answer; anything else must still be a response.
        assert.equal(typeof (e as { code?: unknown }).code, 'number', String(e));
      }
    }
    for (const id of [999999, -1, 'nope', null]) await c.conn.sendNotification('$/cancelRequest', { id });
    await c.conn.sendNotification('$/cancelRequest', null);
    await assertHealthy(c, baseline, 'cancellation');
  } finally {
    await c.close();
  }
});

test('a killed server: a new server process starts clean and gives the same diagnostics', async () => {
  const a = await startServer();
  const wait = a.diagnostics(URI);
  await a.conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri: URI, languageId: 'radiology-report', version: 1, text: REPORT },
  });
  await wait;
  const exited = new Promise<string | null>((resolve) => a.proc.on('exit', (_code, signal) => resolve(signal)));
  a.proc.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');
  a.conn.dispose();
  const b = await startServer();
  try {
    await assertHealthy(b, baseline, 'after kill');
  } finally {
    await b.close();
  }
});

test('the server exits by itself when its client goes away (stdin closed, no shutdown)', async () => {
  const c = await startServer();
  const exited = new Promise<number | null>((resolve) => {
    if (c.proc.exitCode !== null) resolve(c.proc.exitCode);
    c.proc.on('exit', (code) => resolve(code));
  });
  c.proc.stdin!.end();
  const t = setTimeout(() => c.proc.kill('SIGKILL'), 5000);
  const code = await exited;
  clearTimeout(t);
  c.conn.dispose();
  assert.notEqual(c.proc.signalCode, 'SIGKILL', 'still running 5 s after its client went away');
  assert.ok(code !== null, 'exited');
});
