/**
 * A real LSP client for tests: spawns `node dist/server.js --stdio` and talks JSON-RPC to it with
 * vscode-languageserver-protocol's client side. Tests wait on notifications, never on sleeps.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { ProtocolConnection, PublishDiagnosticsParams, ClientCapabilities } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = path.resolve(__dirname, '../..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface TestClient {
  conn: ProtocolConnection;
  proc: ChildProcess;
  stderr: () => string;
  /** Resolves with the next publishDiagnostics for `uri` that satisfies `pred` (or rejects after `ms`). */
  diagnostics(
    uri: string,
    pred?: (p: PublishDiagnosticsParams) => boolean,
    ms?: number,
  ): Promise<PublishDiagnosticsParams>;
  notifications(method: string): unknown[];
  waitNotification<T>(method: string, pred: (p: T) => boolean, ms?: number): Promise<T>;
  close(): Promise<void>;
}

export async function startServer(
  opts: {
    capabilities?: ClientCapabilities;
    initializationOptions?: unknown;
    configuration?: (section: string, scopeUri?: string) => unknown;
  } = {},
): Promise<TestClient> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d) => (err += d.toString()));
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<{
    uri: string;
    pred: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
  }> = [];
  const notes = new Map<string, unknown[]>();
  const noteWaiters: Array<{ method: string; pred: (p: unknown) => boolean; resolve: (p: unknown) => void }> = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.pred(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  const record = (method: string) => (params: unknown) => {
    const list = notes.get(method) ?? [];
    list.push(params);
    notes.set(method, list);
    for (const w of [...noteWaiters]) {
      if (w.method === method && w.pred(params)) {
        noteWaiters.splice(noteWaiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  };
  for (const method of ['tbsReport/status', 'window/showMessage', 'window/logMessage'])
    conn.onNotification(method, record(method));
  // Messages with optional actions arrive as requests; record them like notifications.
  conn.onRequest('window/showMessageRequest', (p: unknown) => {
    record('window/showMessage')(p);
    return null;
  });
  conn.onRequest('workspace/configuration', (p: { items: Array<{ section?: string; scopeUri?: string }> }) =>
    p.items.map((i) => (opts.configuration ? opts.configuration(i.section ?? '', i.scopeUri) : null)),
  );
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: opts.capabilities ?? { workspace: { workspaceEdit: { documentChanges: true } } },
    initializationOptions: opts.initializationOptions ?? { debounceMs: 0 },
  });
  await conn.sendNotification('initialized', {});
  return {
    conn,
    proc,
    stderr: () => err,
    diagnostics(uri, pred = () => true, ms = 5000) {
      return new Promise((resolve, reject) => {
        const t = setTimeout(
          () =>
            reject(
              new Error(
                `no matching diagnostics for ${uri} within ${ms} ms; got ${JSON.stringify(published.filter((p) => p.uri === uri).map((p) => p.diagnostics.map((d) => d.code)))}`,
              ),
            ),
          ms,
        );
        waiters.push({ uri, pred, resolve: (p) => (clearTimeout(t), resolve(p)) });
      });
    },
    notifications: (method) => notes.get(method) ?? [],
    waitNotification<T>(method: string, pred: (p: T) => boolean, ms = 5000) {
      const seen = (notes.get(method) ?? []).find((p) => pred(p as T));
      if (seen) return Promise.resolve(seen as T);
      return new Promise<T>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no ${method} within ${ms} ms`)), ms);
        noteWaiters.push({
          method,
          pred: pred as (p: unknown) => boolean,
          resolve: (p) => (clearTimeout(t), resolve(p as T)),
        });
      });
    },
    async close() {
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await conn.sendNotification('exit');
      } catch {
        // The server may already be gone.
      }
      await new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        const t = setTimeout(() => {
          proc.kill('SIGKILL');
          resolve();
        }, 3000);
        proc.on('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
      conn.dispose();
    },
  };
}

/** Applies LSP text edits (plain or snippet) to a text and returns the result. */
export function applyEdits(
  text: string,
  edits: Array<{
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText?: string;
    snippet?: { value: string };
  }>,
): string {
  const doc = TextDocument.create('file:///x', 'radiology-report', 1, text);
  return TextDocument.applyEdits(
    doc,
    edits.map((e) => ({
      range: e.range,
      newText:
        e.newText ?? (e.snippet ? e.snippet.value.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '') : ''),
    })),
  );
}
