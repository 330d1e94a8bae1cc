/**
 * The verify button's icons: the status icons every element shares (status/status.ts), and those
 * of a check's outcome. A lazy chunk loaded with the verifier, as icons are drawn only beside a result.
 */
import { statusIcon as i } from '../status/status.js';

export const glyphs = { ...i, passed: i.verified, failed: i.invalid, error: i.unknown };
