/**
 * The web UI in real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core), against
 * a real server on 127.0.0.1:0 with the example articles and hand-built records in a SQLite store.
 * Screenshots go to test-output/screenshots/ (printed below). Skips when Chromium is absent.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/util/paths.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { loadData } from '../server/helpers.js';

const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = resolve(PROJECT_ROOT, 'test-output', 'screenshots');
const UI_DIR = join(PROJECT_ROOT, 'dist', 'ui');
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium, or set SITREP_CHROMIUM)`;
if (skip) process.stderr.write(`# browser tests skipped: ${skip}\n`);

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    t = Math.max(t, st.isDirectory() ? newest(p) : st.mtimeMs);
  }
  return t;
}

/** Builds the UI when dist/ui is missing or older than ui/ (keeps `npm test` honest after UI edits). */
function ensureUiBuilt(): void {
  const index = join(UI_DIR, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(join(PROJECT_ROOT, 'ui'))) return;
  const vite = join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', join(PROJECT_ROOT, 'ui', 'vite.config.ts')], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('UI build failed');
}

let dir: string, store: Store, server: RunningServer, browser: Browser;
const problems: string[] = [];

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${path}: console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`${path}: page error: ${e.message}`));
  page.on('request', (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) problems.push(`${path}: external request ${r.url()}`); });
  await page.goto(`${server.url}/${path}`);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe('web UI in Chromium', { skip }, () => {
  before(async () => {
    ensureUiBuilt();
    mkdirSync(SHOTS, { recursive: true });
    process.stderr.write(`# screenshots: ${SHOTS}\n`);
    dir = mkdtempSync(join(tmpdir(), 'sitrep-ui-test-'));
    store = await openStore(join(dir, 'ui.db'));
    await loadData(store);
    server = await startServer({ db: store, tokensDb: join(dir, 'ui.db'), port: 0, host: '127.0.0.1' });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the map renders country shapes, shaded by activity', async () => {
    const page = await open('#/map');
    await page.waitForSelector('#world-map path.country');
    const paths = await page.locator('#world-map path').count();
    assert.ok(paths > 100, `${paths} SVG paths`);
    const active = await page.locator('#world-map path.country.active').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    for (const code of ['NER', 'USA', 'TCD', 'FRA']) assert.ok(active.includes(code), `${code} is shaded (${active.join(',')})`);
    assert.ok(await page.locator('#world-map circle.event-dot[data-code="NER"]').count() >= 1, 'the Niamey event is plotted');
    await shot(page, 'map');
    // Clicking a country filters the event list to it.
    await page.locator('#world-map path.country[data-code="TCD"]').click({ force: true });
    await page.waitForSelector('#event-table tbody tr');
    assert.match(page.url(), /#\/events\?party=TCD/);
    const rows = await page.locator('#event-table tbody tr').count();
    assert.ok(rows >= 1);
    await page.close();
  });

  test('the dyad timeline shows the US–Niger events in date order', async () => {
    const page = await open('#/timeline?a=USA&b=NER');
    await page.waitForSelector('#timeline-events tbody tr');
    const dates = await page.locator('#timeline-events tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-date') ?? ''));
    const dated = dates.filter(Boolean);
    assert.ok(dated.length >= 4, `dates: ${dates.join(', ')}`);
    assert.deepEqual(dated, [...dated].sort(), 'rows in date order');
    for (const d of ['2023-08-05', '2024-03-12', '2024-03-16', '2024-04-19']) assert.ok(dated.includes(d), d);
    // Points run left to right in the same order.
    const pts = await page.locator('#timeline-chart circle.point').evaluateAll((cs) => cs.map((c) => ({ x: Number(c.getAttribute('cx')), d: c.getAttribute('data-date') ?? '' })));
    assert.ok(pts.length >= 4);
    const byDate = [...pts].filter((p) => p.d).sort((a, b) => a.d.localeCompare(b.d));
    for (let i = 1; i < byDate.length; i++) if (byDate[i].d > byDate[i - 1].d) assert.ok(byDate[i].x > byDate[i - 1].x, `${byDate[i].d} right of ${byDate[i - 1].d}`);
    // A tooltip appears on hover.
    await page.locator('#timeline-chart circle.point').first().hover();
    assert.ok(await page.locator('#tooltip.visible').isVisible());
    await shot(page, 'timeline');
    await page.close();
  });

  test('clicking an event shows its highlighted evidence and why', async () => {
    // Narrowed by full text to the hand-built announcement: the example articles hold other NER sanctions too.
    const page = await open('#/events?party=NER&type=SANCTION&q=revoking');
    await page.waitForSelector('#event-table tbody tr');
    // the hand-built announcement is dated 2024-03-16; the example wire story's revocation 2024-03-17
    const row = page.locator('#event-table tbody tr[data-date="2024-03-16"]').first();
    assert.ok(await row.count(), 'the hand-built announcement is listed');
    await row.click();
    await page.waitForSelector('#article-text mark.selected');
    const marked = (await page.locator('#article-text mark.selected').allTextContents()).join('');
    // In the knowledge base this announcement is fused with the example articles' reports of the
    // same revocation: the view opens on the event's first report, whichever article that is.
    assert.match(marked, /revok\w*, with immediate effect/);
    assert.ok(await page.locator('#article-text mark.evidence').count() >= 5, 'every event of the article is highlighted');
    await page.waitForSelector('#event-rules li');
    const rules = await page.locator('#event-rules li').allTextContents();
    assert.ok(rules.some((r) => /sanction/.test(r)), rules.join(','));
    const detail = await page.locator('#event-detail').innerText();
    assert.match(detail, /Modality\s+asserted/);
    assert.match(detail, /Speaker\s+\S/);
    assert.match(detail, /Date\s+2024-03-1[67]/);
    await shot(page, 'article-evidence');
    // Clicking another highlighted passage selects that event.
    const before = await page.locator('#event-detail').textContent();
    await page.locator('#article-text mark.evidence:not(.selected)').first().click();
    await page.waitForFunction((prev) => document.querySelector('#event-detail')?.textContent !== prev, before);
    await page.close();
  });

  test('a filter narrows the event list, and full-text search finds words', async () => {
    const page = await open('#/events');
    await page.waitForSelector('#event-table tbody tr');
    const all = await page.locator('#event-table tbody tr').count();
    await page.selectOption('select[name=type]', 'CONSULT');
    await page.click('#filters button[type=submit]');
    await page.waitForFunction((n) => document.querySelectorAll('#event-table tbody tr').length < n, all);
    const types = await page.locator('#event-table tbody tr .badge').allTextContents();
    assert.ok(types.length >= 1 && types.every((t) => t === 'CONSULT'), types.join(','));
    assert.match(page.url(), /type=CONSULT/);
    await shot(page, 'events-filtered');
    await page.goto(`${server.url}/#/events?q=troops`);
    await page.waitForSelector('#event-count');
    await page.waitForFunction(() => document.querySelector('#event-count')?.textContent?.includes('of'));
    const found = await page.locator('#event-table tbody tr').allInnerTexts();
    assert.ok(found.length >= 1 && found.length < all, `${found.length} of ${all}`);
    await page.close();
  });

  test('article text with markup is shown as text, never run', async () => {
    const page = await open(`#/article/${encodeURIComponent('test:chad-france-markup')}`);
    await page.waitForSelector('#article-text');
    assert.equal(await page.locator('#article-text img, #article-text script, h1 img').count(), 0);
    assert.match(await page.locator('#article-text').innerText(), /<script>window.__pwned = 1<\/script>/);
    assert.match(await page.locator('h1').innerText(), /<img src=x/);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    await page.close();
  });

  test('graph, posture, actor, ingest and docs pages render', async () => {
    let page = await open('#/graph');
    await page.waitForSelector('#actor-graph g.node');
    assert.ok(await page.locator('#actor-graph g.node').count() >= 3);
    assert.ok(await page.locator('#actor-graph path.edge').count() >= 2);
    await shot(page, 'graph');
    await page.close();
    page = await open('#/posture/NER');
    await page.waitForSelector('h2');
    await page.waitForSelector('#deployments');
    const posture = await page.locator('main').innerText();
    assert.match(posture, /1,000/);
    assert.match(posture, /Air Base 201/);
    assert.match(posture, /110,000,000 USD/);
    await shot(page, 'posture');
    await page.close();
    const us = (await (await fetch(`${server.url}/api/actors?q=United%20States`)).json()).items[0];
    page = await open(`#/actor/${encodeURIComponent(us.id)}`);
    await page.waitForSelector('h2');
    const actorText = await page.locator('main').innerText();
    assert.match(actorText, /Counterparts/);
    assert.match(actorText, /Niger/);
    await shot(page, 'actor');
    await page.close();
    page = await open('#/ingest');
    await page.waitForSelector('#jobs');
    await shot(page, 'ingest');
    await page.close();
    page = await open('docs');
    assert.match(await page.locator('h1').innerText(), /sitrep API/);
    await page.close();
  });

  test('the ingest page submits an article with a token and shows the finished job', async () => {
    const { token } = await server.tokens.create('ui-test');
    const page = await open('#/ingest');
    await page.fill('input[name=token]', token);
    await page.click('form.filters button[type=submit]');
    await page.fill('input[name=title]', 'Mali and Burkina Faso sign defence pact');
    await page.fill('input[name=published]', '2024-07-06');
    await page.fill('textarea[name=text]', 'The leaders of Mali and Burkina Faso signed a mutual defence pact in Niamey on Saturday, officials said.');
    await page.click('form.ingest-form button[type=submit]');
    await page.waitForSelector('#jobs li.job-done');
    assert.match(await page.locator('#jobs').innerText(), /Mali and Burkina Faso/);
    await shot(page, 'ingest-done');
    await page.close();
  });

  test('a private server asks for the token, and the UI works once it is set', async () => {
    const priv = await startServer({ db: store, tokensDb: join(dir, 'ui.db'), port: 0, host: '127.0.0.1', readAccess: 'token' });
    try {
      const { token } = await priv.tokens.create('ui-private');
      const page = await browser.newPage();
      await page.goto(`${priv.url}/#/events`);
      await page.waitForSelector('.error');
      assert.match(await page.locator('.error').innerText(), /API token/);
      await page.goto(`${priv.url}/#/ingest`);
      await page.fill('input[name=token]', token);
      await page.click('form.filters button[type=submit]');
      await page.goto(`${priv.url}/#/events`);
      await page.waitForSelector('#event-table tbody tr');
      assert.ok(await page.locator('#event-table tbody tr').count() >= 5);
      await page.close();
    } finally {
      await priv.close();
    }
  });

  test('no console errors, CSP violations or external requests on any page', () => {
    assert.deepEqual(problems, []);
  });
});
