// One Lighthouse for all the audit's runs (tests/audit/run_audits.py drives it): loading
// Lighthouse costs about 3 s a run with the CLI. Each run gets a fresh Chrome, as with the CLI, so
// nothing (a cached favicon, a service worker) carries over from one page to the next.
//
// Reads one JSON request a line on stdin, {"url": ..., "output": ...}; runs Lighthouse with its
// defaults (mobile form factor, simulated throttling) on the four categories, writes the JSON
// report (the LHR) to `output` and answers one JSON line on stdout, {"output": ..., "error": ...}.
// Chrome is Debian's, at CHROME_PATH, launched with AUDIT_CHROME_FLAGS; nothing is downloaded.
import {writeFileSync} from 'node:fs';
import {createInterface} from 'node:readline';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const chromeFlags = (process.env.AUDIT_CHROME_FLAGS || '').split(' ').filter(Boolean);
let chrome = null;

// Stopped (a timed-out run, or the audit itself stopped): the Chrome of the run goes too.
process.on('SIGTERM', () => {
  Promise.resolve(chrome && chrome.kill()).finally(() => process.exit(143));
});

for await (const line of createInterface({input: process.stdin})) {
  if (!line.trim()) continue;
  const {url, output} = JSON.parse(line);
  let error = '';
  try {
    chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH,
      chromeFlags,
      logLevel: 'silent',
    });
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      disableFullPageScreenshot: true,
    });
    writeFileSync(output, result.report);
    if (result.lhr.runtimeError) error = result.lhr.runtimeError.message;
  } catch (err) {
    error = String(err && err.stack ? err.stack : err);
  } finally {
    if (chrome) await chrome.kill();
    chrome = null;
  }
  process.stdout.write(JSON.stringify({output, error}) + '\n');
}
