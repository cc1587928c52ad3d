#!/usr/bin/env node
// Accessibility check of an exported page: load it in headless Chromium (the system's, via
// playwright-core; no browser download), inject axe-core, print the violations as JSON.
//   node scripts/axe_check.mjs FILE.html [--tags wcag2a,wcag2aa,...] [--no-axe] [--color-scheme dark|light]
// Also reported: every request the page made besides loading itself (all are blocked) and
// every dialog a script opened (alert/confirm/prompt), so the hostile-input tests can use it
// with --no-axe (nothing injected: only the page's own behaviour).
// --color-scheme: the reader's system preference the browser reports (prefers-color-scheme);
// the page's computed body colours are reported as `colours` either way.
// Exit codes: 0 no violations, 1 violations, 2 could not run (missing tools, browser, file).
// Modules come from .tools/node_modules (scripts/install_web_tools.sh); the browser from
// $CHROMIUM_PATH or /usr/bin/chromium.
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(root, ".tools", "node_modules", "noop.js"));

function fail(message) {
  console.error(`axe_check: ${message}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith("--") && !["--tags", "--color-scheme"].includes(args[i - 1]));
const tagsAt = args.indexOf("--tags");
const tags = tagsAt >= 0 && args[tagsAt + 1] ? args[tagsAt + 1].split(",") : null;
const runAxe = !args.includes("--no-axe");
const schemeAt = args.indexOf("--color-scheme");
const colorScheme = schemeAt >= 0 && args[schemeAt + 1] ? args[schemeAt + 1] : "light";
if (!file || !existsSync(file)) fail(`no such file: ${file ?? "(none given)"}`);

let chromium, axeSource;
try {
  ({ chromium } = require("playwright-core"));
  axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
} catch (err) {
  fail(`tools missing (run scripts/install_web_tools.sh): ${err.message}`);
}
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(executablePath)) fail(`no Chromium at ${executablePath} (apt-get install chromium)`);

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
let code = 0;
try {
  const page = await browser.newPage({ colorScheme });
  const docUrl = pathToFileURL(path.resolve(file)).href;
  const requests = [];
  const dialogs = [];
  page.on("dialog", (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url === docUrl) return route.continue();
    if (!requests.includes(url)) requests.push(url);
    return route.abort();
  });
  page.on("request", (req) => {
    // requests the router does not see (e.g. data: URLs) are not network traffic; others are noted above
    if (!req.url().startsWith("data:") && req.url() !== docUrl && !requests.includes(req.url())) requests.push(req.url());
  });
  await page.goto(docUrl, { waitUntil: "load" });
  await page.waitForTimeout(300); // let late loads (meta refresh, lazy images, timers) show themselves
  let results = { violations: [], passes: 0, incomplete: [] };
  if (runAxe) {
    // The page's CSP forbids scripts; evaluate() runs in the page's main world regardless.
    await page.evaluate(axeSource);
    results = await page.evaluate(async (runTags) => {
      const options = runTags ? { runOnly: { type: "tag", values: runTags } } : {};
      const r = await window.axe.run(document, options);
      return {
        violations: r.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, summary: n.failureSummary })),
        })),
        passes: r.passes.length,
        incomplete: r.incomplete.map((v) => v.id),
      };
    }, tags);
  }
  results.colours = await page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return { background: style.backgroundColor, text: style.color, theme: document.documentElement.dataset.theme || "" };
  });
  results.color_scheme = colorScheme;
  results.final_url = page.url();
  results.dialogs = dialogs;
  results.external_requests = requests;
  results.file = file;
  console.log(JSON.stringify(results, null, 2));
  code = results.violations.length ? 1 : 0;
} catch (err) {
  console.error(`axe_check: ${err.stack || err}`);
  code = 2;
} finally {
  await browser.close();
}
process.exit(code);
