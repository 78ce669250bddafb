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
import {throttling} from 'lighthouse/core/config/constants.js';

const chromeFlags = (process.env.AUDIT_CHROME_FLAGS || '').split(' ').filter(Boolean);
let chrome = null;

// Lighthouse's mobile profile slows the CPU 4x, which assumes a host with a benchmark index of
// about 1,533; on a slower host it warns that its scores are too low (warningSlowHostCpu) and
// its docs (docs/throttling.md) give the multiplier for the host's index. The first run
// measures the index; when the host is slower than Lighthouse assumes, that page is run again,
// and every run uses the documented multiplier (its calculator's formula below) for the median
// index of the runs before it. Never more than 4x: a faster host keeps Lighthouse's default.
const DEFAULT_MULTIPLIER = 4;
// The index of every run so far: one run's index scatters (935 to 1,593 on one machine in one
// audit), so the multiplier follows their median.
const indexes = [];

function multiplierForThisHost() {
  if (indexes.length === 0) return null;
  const sorted = [...indexes].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.min(DEFAULT_MULTIPLIER, documentedMultiplier(median));
}

function documentedMultiplier(benchmarkIndex) {
  // https://github.com/patrickhulce/lighthouse-cpu-throttling-calculator (linked from
  // Lighthouse's docs/throttling.md): 800 = 2x, 1300 = 3x, 1533 = 4x.
  if (benchmarkIndex >= 1300) return 3 + (benchmarkIndex - 1300) / 233;
  if (benchmarkIndex >= 800) return 2 + (benchmarkIndex - 800) / 500;
  return 1 + Math.max(benchmarkIndex - 150, 0) / 650;
}

async function audit(url, cpuSlowdownMultiplier) {
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH,
    chromeFlags,
    logLevel: 'silent',
  });
  try {
    return await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      disableFullPageScreenshot: true,
      // Lighthouse's own mobile network profile, with the CPU's multiplier.
      throttling: {...throttling.mobileSlow4G, cpuSlowdownMultiplier},
    });
  } finally {
    await chrome.kill();
    chrome = null;
  }
}

// Stopped (a timed-out run, or the audit itself stopped): the Chrome of the run goes too.
process.on('SIGTERM', () => {
  Promise.resolve(chrome && chrome.kill()).finally(() => process.exit(143));
});

for await (const line of createInterface({input: process.stdin})) {
  if (!line.trim()) continue;
  const {url, output} = JSON.parse(line);
  let error = '';
  try {
    const first = indexes.length === 0;
    let result = await audit(url, multiplierForThisHost() ?? DEFAULT_MULTIPLIER);
    if (!result.lhr.runtimeError) indexes.push(result.lhr.environment.benchmarkIndex);
    if (first && !result.lhr.runtimeError && multiplierForThisHost() < DEFAULT_MULTIPLIER) {
      result = await audit(url, multiplierForThisHost());
      if (!result.lhr.runtimeError) indexes.push(result.lhr.environment.benchmarkIndex);
    }
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
