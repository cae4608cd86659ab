/**
 * Protocol hygiene between the client and the server (issue 14), under vscode-jsonrpc:
 *
 * - FramedReader reads `Content-Length` framing from a stream with limits: a header of at most
 *   MAX_HEADER bytes, a Content-Length that is a plain decimal number of at most MAX_BODY bytes, a
 *   UTF-8 charset. A framing error ends the connection with one clear log line (the stream cannot be
 *   read in step again); a body that is not JSON gets a -32700 parse error and reading goes on.
 * - GatedReader wraps any reader (framed stdio, IPC) and lets only well-formed JSON-RPC 2.0 through:
 *   -32600 for an invalid request (or any request after shutdown), -32002 for a request before
 *   initialize, -32602 for a request whose params lack what its method needs. Bad notifications are
 *   dropped with a log line naming the method only.
 * - sanitizeLog keeps vscode-jsonrpc's own log lines free of message content: the library logs a
 *   malformed message whole ("... neither a response nor a notification message:\n{...}"), which would
 *   put report text into window/logMessage.
 */
import type { DataCallback, Disposable, Message, MessageReader, MessageWriter } from 'vscode-languageserver/node';
import { AbstractMessageReader } from 'vscode-languageserver/node';

export const MAX_HEADER = 8 * 1024;
/** Largest message body: well above any document the server checks (tbsReport.maxFileSize). */
export const MAX_BODY = 256 * 1024 * 1024;

export const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;
export const INVALID_PARAMS = -32602;
export const SERVER_NOT_INITIALIZED = -32002;

/** What the transport tells the process: a log line (never message content) and a fatal end. */
export interface TransportEvents {
  log(line: string): void;
  fatal(line: string): void;
}

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');

/** Content-Length framed messages from a byte stream, with limits. */
export class FramedReader extends AbstractMessageReader implements MessageReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private bodyLength = -1;
  private callback: DataCallback | null = null;
  private dead = false;

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly events: TransportEvents,
    /** Sends a -32700 response (id null) for a body that is not JSON. */
    private readonly parseError: () => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (d: Buffer | string) => this.onData(typeof d === 'string' ? Buffer.from(d, 'utf8') : d);
    const onError = (e: Error) => this.fireError(e);
    const onClose = () => this.fireClose();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('close', onClose);
    this.input.on('end', onClose);
    return {
      dispose: () => {
        this.input.removeListener('data', onData);
        this.input.removeListener('error', onError);
        this.input.removeListener('close', onClose);
        this.input.removeListener('end', onClose);
      },
    };
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.buffered = rest.length;
    return out;
  }

  private fail(reason: string): void {
    this.dead = true;
    this.chunks = [];
    this.buffered = 0;
    this.events.fatal(`tbs-report: protocol framing error (${reason}); closing the connection.`);
  }

  private onData(data: Buffer): void {
    if (this.dead) return;
    this.chunks.push(data);
    this.buffered += data.length;
    while (!this.dead) {
      if (this.bodyLength < 0) {
        // The header: look only within the first MAX_HEADER bytes (+ its end marker).
        const head = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
        this.chunks = [head];
        const end = head.subarray(0, MAX_HEADER + HEADER_END.length).indexOf(HEADER_END);
        if (end < 0) {
          if (this.buffered > MAX_HEADER + HEADER_END.length) this.fail(`header longer than ${MAX_HEADER} bytes`);
          return;
        }
        const header = this.take(end + HEADER_END.length)
          .subarray(0, end)
          .toString('latin1');
        const length = this.contentLength(header);
        if (length === null) return;
        this.bodyLength = length;
      }
      if (this.buffered < this.bodyLength) return;
      const body = this.take(this.bodyLength);
      this.bodyLength = -1;
      this.deliver(body);
    }
  }

  /** The Content-Length of a header block, or null (after failing) when the header is bad. */
  private contentLength(header: string): number | null {
    let length: number | null = null;
    for (const line of header.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) {
        this.fail('a header line without a name');
        return null;
      }
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'content-length') {
        if (!/^\d{1,10}$/.test(value)) {
          this.fail('Content-Length is not a number');
          return null;
        }
        length = Number(value);
        if (length > MAX_BODY) {
          this.fail(`Content-Length ${length} is above the limit of ${MAX_BODY} bytes`);
          return null;
        }
      } else if (name === 'content-type') {
        const charset = /charset=([^;\s]+)/i.exec(value)?.[1]?.toLowerCase().replace(/^"|"$/g, '');
        if (charset && charset !== 'utf-8' && charset !== 'utf8') {
          this.fail('a charset other than UTF-8');
          return null;
        }
      }
    }
    if (length === null) this.fail('no Content-Length header');
    return length;
  }

  private deliver(body: Buffer): void {
    let message: unknown;
    try {
      message = JSON.parse(body.toString('utf8'));
    } catch {
      this.events.log('tbs-report: a message that is not JSON was answered with a parse error.');
      this.parseError();
      return;
    }
    try {
      this.callback?.(message as Message);
    } catch (e) {
      // The connection threw on a message it could not handle: the stream is still in step.
      this.events.log(`tbs-report: a message could not be handled (${e instanceof Error ? e.name : 'error'}).`);
    }
  }
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
const isUint = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isPosition = (v: unknown) => isObject(v) && isUint(v.line) && isUint(v.character);
const isRange = (v: unknown) => isObject(v) && isPosition(v.start) && isPosition(v.end);
const hasDoc = (p: Json) => isObject(p.textDocument) && typeof p.textDocument.uri === 'string';

/** What each request this server answers needs in its params. */
const REQUEST_PARAMS: Record<string, (p: Json) => boolean> = {
  initialize: (p) => isObject(p.capabilities),
  'textDocument/hover': (p) => hasDoc(p) && isPosition(p.position),
  'textDocument/completion': (p) => hasDoc(p) && isPosition(p.position),
  'textDocument/codeAction': (p) => hasDoc(p) && isRange(p.range) && isObject(p.context),
  'textDocument/documentSymbol': hasDoc,
  'textDocument/foldingRange': hasDoc,
};

/** What each notification this server reads needs; one without it is dropped. */
const NOTIFICATION_PARAMS: Record<string, (p: Json) => boolean> = {
  'textDocument/didOpen': (p) =>
    hasDoc(p) &&
    typeof (p.textDocument as Json).text === 'string' &&
    typeof (p.textDocument as Json).languageId === 'string' &&
    Number.isInteger((p.textDocument as Json).version),
  'textDocument/didChange': (p) =>
    hasDoc(p) && Number.isInteger((p.textDocument as Json).version) && Array.isArray(p.contentChanges),
  'textDocument/didClose': hasDoc,
  '$/cancelRequest': (p) => isId(p.id),
};

/** Notifications let through before initialize: the documents opened early are checked once it completes. */
const BEFORE_INITIALIZE = new Set(['exit', 'textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose']);

/** Only well-formed JSON-RPC 2.0 reaches the connection; requests out of turn are answered here. */
export class GatedReader extends AbstractMessageReader implements MessageReader {
  private state: 'new' | 'initializing' | 'shutdown' = 'new';

  /** A shutdown request has been received (the exit code is 0 then, else 1). */
  get shutDown(): boolean {
    return this.state === 'shutdown';
  }

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
    private readonly events: TransportEvents,
  ) {
    super();
    inner.onError((e) => this.fireError(e));
    inner.onClose(() => this.fireClose());
    inner.onPartialMessage((info) => this.firePartialMessage(info));
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      if (!this.admit(message as unknown)) return;
      try {
        callback(message);
      } catch (e) {
        this.events.log(`tbs-report: a message could not be handled (${e instanceof Error ? e.name : 'error'}).`);
      }
    });
  }

  private reply(id: unknown, code: number, message: string): void {
    void this.writer
      .write({ jsonrpc: '2.0', id: isId(id) ? id : null, error: { code, message } } as unknown as Message)
      .catch(() => undefined);
  }

  /** True to pass the message on; otherwise it has been answered or dropped (with a log line). */
  private admit(m: unknown): boolean {
    if (!isObject(m) || m.jsonrpc !== '2.0') {
      this.reply(isObject(m) ? m.id : null, INVALID_REQUEST, 'Invalid Request: not a JSON-RPC 2.0 message object');
      this.events.log('tbs-report: answered a message that is not JSON-RPC 2.0 with an invalid-request error.');
      return false;
    }
    const hasMethod = typeof m.method === 'string';
    if (!hasMethod) {
      // A response (to a request of ours): id and exactly one of result and error.
      if ('id' in m && ('result' in m || 'error' in m)) return true;
      this.reply(m.id, INVALID_REQUEST, 'Invalid Request: no method');
      this.events.log('tbs-report: answered a message without a method with an invalid-request error.');
      return false;
    }
    const method = m.method as string;
    const params = m.params;
    if (params !== undefined && !isObject(params) && !Array.isArray(params)) {
      if ('id' in m) this.reply(m.id, INVALID_REQUEST, 'Invalid Request: params must be an object or an array');
      this.events.log(`tbs-report: dropped ${safeMethod(method)}: params are neither an object nor an array.`);
      return false;
    }
    if ('id' in m) {
      if (!isId(m.id)) {
        this.reply(null, INVALID_REQUEST, 'Invalid Request: id must be a string or a number');
        return false;
      }
      if (this.state === 'shutdown') {
        this.reply(m.id, INVALID_REQUEST, `Invalid Request: the server has shut down (${safeMethod(method)})`);
        return false;
      }
      if (this.state === 'new' && method !== 'initialize') {
        this.reply(m.id, SERVER_NOT_INITIALIZED, `Server not initialized (${safeMethod(method)} before initialize)`);
        return false;
      }
      const check = REQUEST_PARAMS[method];
      if (check && !(isObject(params) && check(params))) {
        this.reply(m.id, INVALID_PARAMS, `Invalid params for ${safeMethod(method)}`);
        return false;
      }
      if (method === 'initialize') {
        if (this.state !== 'new') {
          this.reply(m.id, INVALID_REQUEST, 'Invalid Request: initialize was already sent');
          return false;
        }
        this.state = 'initializing';
      }
      if (method === 'shutdown') this.state = 'shutdown';
      return true;
    }
    // A notification.
    if (method === 'exit') return true;
    if (this.state === 'shutdown') return false;
    if (this.state === 'new' && !BEFORE_INITIALIZE.has(method)) return false;
    const check = NOTIFICATION_PARAMS[method];
    if (check && !(isObject(params) && check(params))) {
      this.events.log(`tbs-report: dropped ${safeMethod(method)}: its params lack what it needs.`);
      return false;
    }
    return true;
  }
}

/** A method name fit for a log line: protocol names only, never free text. */
function safeMethod(method: string): string {
  return /^[$A-Za-z/_-]{1,80}$/.test(method) ? method : '(a method with an unusual name)';
}

/**
 * A vscode-jsonrpc log line without message content: its first line, shortened, and nothing after
 * a colon that introduces data. The server's own lines ("tbs-report: ...") carry no report text.
 */
export function sanitizeLog(line: string): string {
  if (line.startsWith('tbs-report:')) return line;
  let first = line.split(/\r?\n|\r/, 1)[0];
  if (first.length > 160) first = `${first.slice(0, 160)}...`;
  return `tbs-report (protocol): ${first.replace(/:\s*$/, '')}`;
}
