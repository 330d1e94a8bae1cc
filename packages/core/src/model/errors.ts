/**
 * Typed errors. Every error Microcred raises is an `McError` with a stable `code`; elements translate
 * by `code`, and the English `message` says what is wrong in words a webmaster understands.
 */

/** Stable error codes. Add new codes here; elements need a translation for each. */
export type McErrorCode =
  | 'invalid-json'
  | 'empty-input'
  | 'not-a-credential'
  | 'unsupported-format'
  | 'too-large'
  | 'too-deep'
  | 'invalid-jws'
  | 'schema'
  | 'http'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'unbake'
  | 'invalid-option'
  // Not one credential, but something known (`parse/look-inside.ts`): said in words.
  | 'presentation'
  | 'sd-jwt'
  | 'cose';

/** Base class of every error Microcred throws. */
export class McError extends Error {
  override name = 'McError';
  /** Stable machine-readable code. */
  readonly code: McErrorCode;
  /** Optional structured details (safe to log, never shown as HTML). */
  readonly details?: Record<string, unknown>;

  constructor(
    code: McErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options?.details) this.details = options.details;
  }
}

/** The input could not be parsed (bad JSON, bad JWS, too large, too deep, empty). */
export class McParseError extends McError {
  override name = 'McParseError';
}

/** The input parsed, but it is not a credential Microcred understands. */
export class McFormatError extends McError {
  override name = 'McFormatError';
}

/** Type guard for Microcred errors. */
export function isMcError(value: unknown): value is McError {
  return value instanceof McError;
}
