/**
 * Errors about data from elsewhere: HTTP answers, the network, timeouts and schema failures. Kept
 * apart from `errors.ts` so that code which never talks to a server (the normaliser in every
 * element's first load) does not carry these classes.
 */
import { McError } from './errors.js';

/** The input failed schema validation; `issues` lists the paths that failed. */
export class McSchemaError extends McError {
  override name = 'McSchemaError';
  readonly issues: { path: string; message: string }[];
  constructor(message: string, issues: { path: string; message: string }[], options?: { cause?: unknown }) {
    super('schema', message, { ...options, details: { issues } });
    this.issues = issues;
  }
}

/** An HTTP request answered with a non-2xx status. */
export class McHttpError extends McError {
  override name = 'McHttpError';
  readonly status: number;
  readonly url: string;
  /** The parsed response body (e.g. an OB 3.0 `Imsx_StatusInfo`), when there was one. */
  readonly body?: unknown;
  constructor(status: number, url: string, message: string, options?: { body?: unknown; cause?: unknown }) {
    super('http', message, { cause: options?.cause, details: { status, url } });
    this.status = status;
    this.url = url;
    if (options?.body !== undefined) this.body = options.body;
  }
}

/** The network failed (DNS, refused, CORS, offline). */
export class McNetworkError extends McError {
  override name = 'McNetworkError';
}

/** A request took longer than its timeout. */
export class McTimeoutError extends McError {
  override name = 'McTimeoutError';
}
