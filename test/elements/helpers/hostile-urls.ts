/**
 * Addresses a browser would run or render as a document, plainly and obfuscated (case, leading
 * space, tab and control characters inside the scheme), plus a scheme-relative one. Built for the
 * hostile-input tests of issue 11 item 9; no public source.
 */
export const HOSTILE_URLS = [
  'javascript:alert(1)',
  ' jAvAsCrIpT:alert(1)',
  'java\tscript:alert(1)',
  '\u0001javascript:alert(1)',
  'javascript\u0000:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/x',
];
