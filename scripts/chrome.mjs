// The one place that knows how to start Chromium on these machines (see TOOLCHAIN.md).
/** Path to the Chromium binary: $CHROME_PATH, else Debian's /usr/bin/chromium. */
export function chromePath() {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

/** Flags for headless Chromium as root, with no background network traffic. */
export function chromeArgs() {
  return [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ];
}
