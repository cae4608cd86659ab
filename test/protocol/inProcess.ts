/**
 * The language server in the test's own process, the way typescript-language-server tests its
 * protocol: `new TbsServer(connection)` on a vscode-languageserver connection over in-memory streams,
 * and a vscode-jsonrpc client connection (re-exported by vscode-languageserver-protocol) on the other ends. Everything the server does runs in the
 * vitest worker, so v8 coverage sees the LSP handlers; the spawned-bundle tests (lspClient.ts) still
 * test dist/server.js and stdio.
 *
 * Tests wait on messages (publishDiagnostics, notifications, requests the server sends), never on
 * sleeps. `close()` sends shutdown but never `exit`: the connection's exit handler would end the
 * process, and here the process is the test worker.
 */
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import {
  createMessageConnection,
  StreamMessageReader as ClientReader,
  StreamMessageWriter as ClientWriter,
} from 'vscode-languageserver-protocol/node';
import type { MessageConnection } from 'vscode-languageserver-protocol/node';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import type {
  ClientCapabilities,
  InitializeResult,
  PublishDiagnosticsParams,
  Diagnostic,
} from 'vscode-languageserver-protocol';
import { TbsServer } from '../../server/src/lsp/tbsServer';

/** How long to wait for an expected message before failing with what arrived instead. */
const WAIT_MS = 10_000;

export interface ServerMessage {
  method: string;
  params: unknown;
}

export interface InProcessOptions {
  capabilities?: ClientCapabilities;
  /** Sent as initializationOptions; default `{ debounceMs: 0 }`. */
  initializationOptions?: unknown;
  /** Answers workspace/configuration, item by item. */
  configuration?: (section: string, scopeUri?: string) => unknown;
  /** Makes workspace/configuration fail (a client that advertises it but errors). */
  configurationFails?: boolean;
}

export interface InProcessClient {
  conn: MessageConnection;
  server: TbsServer;
  initializeResult: InitializeResult;
  /** Every message the server sent, in order (notifications and requests alike). */
  messages: ServerMessage[];
  /** The next message `method` from the server satisfying `pred`, or one already received. */
  next<T>(method: string, pred?: (p: T) => boolean): Promise<T>;
  /** The next publishDiagnostics for `uri` (not one already received) satisfying `pred`. */
  diagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  /** All publishDiagnostics received for `uri`, in order. */
  published(uri: string): PublishDiagnosticsParams[];
  open(uri: string, text: string, languageId?: string): Promise<Diagnostic[]>;
  /** Replaces the whole text (version + 1) and resolves with the diagnostics of that version. */
  change(uri: string, text: string): Promise<Diagnostic[]>;
  close(): Promise<void>;
}

export async function startInProcess(opts: InProcessOptions = {}): Promise<InProcessClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConn = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  const server = new TbsServer(serverConn);
  server.listen();
  const conn = createMessageConnection(new ClientReader(toClient), new ClientWriter(toServer));

  const messages: ServerMessage[] = [];
  const waiters: Array<{
    seenFrom: number;
    method: string;
    pred: (p: unknown) => boolean;
    resolve: (p: unknown) => void;
  }> = [];
  const record = (method: string, params: unknown) => {
    messages.push({ method, params });
    for (const w of [...waiters]) {
      if (w.method === method && w.pred(params)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  };
  conn.onNotification((method, params) => record(method, params));
  conn.onRequest((method, params) => {
    record(method, params);
    if (method === 'workspace/configuration') {
      if (opts.configurationFails) throw new Error('configuration is not available');
      const items = (params as { items: Array<{ section?: string; scopeUri?: string }> }).items;
      return items.map((i) => (opts.configuration ? opts.configuration(i.section ?? '', i.scopeUri) : null));
    }
    return null;
  });
  conn.listen();

  const wait = <T>(method: string, pred: (p: T) => boolean, seenFrom: number): Promise<T> => {
    const seen = messages.slice(seenFrom).find((m) => m.method === method && pred(m.params as T));
    if (seen) return Promise.resolve(seen.params as T);
    return new Promise<T>((resolve, reject) => {
      // Not a timed assertion: a bound on waiting for a message that never comes, so that the
      // failure names what did arrive instead of ending in the test timeout.
      const t = setTimeout(() => {
        waiters.splice(waiters.indexOf(w), 1);
        const got = messages.map((m) => m.method).join(', ');
        reject(new Error(`no matching ${method} within ${WAIT_MS} ms; received: ${got}`));
      }, WAIT_MS);
      const w = {
        seenFrom,
        method,
        pred: pred as (p: unknown) => boolean,
        resolve: (p: unknown) => {
          clearTimeout(t);
          resolve(p as T);
        },
      };
      waiters.push(w);
    });
  };

  const initializeResult = (await conn.sendRequest('initialize', {
    processId: null,
    rootUri: null,
    capabilities: opts.capabilities ?? { workspace: { workspaceEdit: { documentChanges: true } } },
    initializationOptions: opts.initializationOptions ?? { debounceMs: 0 },
  })) as InitializeResult;
  await conn.sendNotification('initialized', {});

  const versions = new Map<string, number>();
  const client: InProcessClient = {
    conn,
    server,
    initializeResult,
    messages,
    next: (method, pred = () => true) => wait(method, pred, 0),
    diagnostics: (uri, pred = () => true) =>
      wait<PublishDiagnosticsParams>(
        'textDocument/publishDiagnostics',
        (p) => p.uri === uri && pred(p),
        messages.length,
      ),
    published: (uri) =>
      messages
        .filter(
          (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishDiagnosticsParams).uri === uri,
        )
        .map((m) => m.params as PublishDiagnosticsParams),
    async open(uri, text, languageId = 'radiology-report') {
      versions.set(uri, 1);
      const published = client.diagnostics(uri, (p) => p.version === 1);
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return (await published).diagnostics;
    },
    async change(uri, text) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      const published = client.diagnostics(uri, (p) => p.version === version);
      await conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
      return (await published).diagnostics;
    },
    async close() {
      await conn.sendRequest('shutdown');
      conn.dispose();
      serverConn.dispose();
      toServer.end();
      toClient.end();
    },
  };
  return client;
}
