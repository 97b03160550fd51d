// The one way the screen talks to the service: fetch with the signed-in token, JSON in and out,
// and every error reply turned into an ApiError carrying the service's own words.
import type { ApiErrorBody } from './api-types.ts';
import { session, takeEarlyRequest } from './session.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, body: ApiErrorBody['error'] | undefined, fallback: string) {
    super(body?.message ?? fallback);
    this.status = status;
    this.code = body?.code ?? 'unknown';
    this.details = body?.details ?? null;
  }

  /** The checker's sentences of a refused plan edit (422), else the field problems of a 400. */
  get sentences(): string[] {
    const d = this.details as { violations?: Array<{ message: string }> } | Array<{ path: string; message: string }> | null;
    if (Array.isArray(d)) return d.map((x) => `${x.path}: ${x.message}`);
    if (d && Array.isArray(d.violations)) return d.violations.map((v) => v.message);
    return [];
  }
}

export interface Reply<T> {
  body: T;
  etag: string | null;
}

interface Options {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  ifMatch?: string;
  token?: string;
}

async function call(path: string, { method = 'GET', body, ifMatch, token = session.token() ?? '' }: Options): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch !== undefined) headers['If-Match'] = ifMatch;
  // A GET index.html already sent with this tab's token (the board's first requests) is not sent again.
  const early = method === 'GET' && token === session.token() ? takeEarlyRequest(path) : undefined;
  const res = await (early ?? fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' }));
  if (!res.ok) {
    const text = await res.text();
    let parsed: ApiErrorBody | undefined;
    try {
      parsed = JSON.parse(text) as ApiErrorBody;
    } catch {
      parsed = undefined;
    }
    throw new ApiError(res.status, parsed?.error, `${res.status} ${res.statusText}`);
  }
  return res;
}

/** The next page of a list (Link: <…>; rel="next"), as a path on this origin. */
function nextPage(res: Response): string | null {
  const match = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('Link') ?? '');
  if (!match) return null;
  const url = new URL(match[1]!, window.location.href);
  return `${url.pathname}${url.search}`;
}

/** A JSON reply with its ETag (plan versions). A list the service sends a page at a time is read whole. */
export async function api<T>(path: string, options: Options = {}): Promise<Reply<T>> {
  const res = await call(path, options);
  const body = (res.status === 204 ? null : await res.json()) as T;
  if (Array.isArray(body) && (options.method ?? 'GET') === 'GET') {
    for (let next = nextPage(res); next !== null;) {
      const more = await call(next, options);
      body.push(...(await more.json() as unknown[]));
      next = nextPage(more);
    }
  }
  return { body, etag: res.headers.get('ETag') };
}

/** A CSV or HTML list fetched with the token, opened (HTML) or saved (CSV) through a blob URL. */
export async function openDocument(path: string, fileName: string): Promise<void> {
  const res = await call(path, {});
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  if (blob.type.startsWith('text/html')) {
    window.open(url, '_blank', 'noopener');
  } else {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.append(a);
    a.click();
    a.remove();
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** /api/centres/:centreId + suffix. */
export const centrePath = (centreId: string, suffix: string) => `/api/centres/${encodeURIComponent(centreId)}${suffix}`;
