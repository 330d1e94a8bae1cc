/**
 * The expired status's icon (a clock), with the code every element loads first: the card draws its
 * "Expired" flag at first render without loading every status icon (status/status.ts, which
 * re-exports it, holds the others).
 */
export const expiredIcon =
  'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11zM7.25 4v4.3l3 1.8.77-1.28-2.27-1.37V4z';
