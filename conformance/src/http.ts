/** One answer from the backend, with its body parsed when it is JSON. */
export interface Answer<T = unknown> {
  status: number;
  contentType: string;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  /** The bearer token; `null` sends none. Defaults to the client's. */
  token?: string | null;
  headers?: Record<string, string>;
  body?: unknown;
}

/** The backend under test, reached the way the elements reach it: fetch with a bearer token. */
export class Backend {
  constructor(
    /** The API root, e.g. `http://localhost:8080/api`. */
    readonly baseUrl: string,
    readonly token: string,
  ) {}

  withToken(token: string): Backend {
    return new Backend(this.baseUrl, token);
  }

  async call<T = unknown>(method: string, path: string, options: CallOptions = {}): Promise<Answer<T>> {
    const token = options.token === undefined ? this.token : options.token;
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (token !== null) headers['Authorization'] = `Bearer ${token}`;
    if (options.body !== undefined) headers['Content-Type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl.replace(/\/$/, '')}${path}`, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const contentType = response.headers.get('content-type') ?? '';
    // A stream never ends: its status and type are the answer.
    if (contentType.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, contentType, headers: response.headers, body: '' as T };
    }
    const text = await response.text();
    let body: unknown = text;
    if (/json/.test(contentType) && text) {
      try {
        body = JSON.parse(text);
      } catch {
        // Left as text: the rules say the body is not JSON.
      }
    }
    return { status: response.status, contentType, headers: response.headers, body: body as T };
  }
}
