/** Ingest: submit an article (text, HTML or URL) with the API token, and watch running jobs progress. */
import { h, mount } from '../dom.js';
import { api, getToken, setToken, type IngestJob } from '../api.js';
import { link } from '../router.js';
import { errorBox, type Page } from '../page.js';

function jobRow(j: IngestJob): HTMLElement {
  const pct = j.total ? Math.round(((j.done + j.failed) / j.total) * 100) : 0;
  const bar = h('progress', { max: j.total || 1, value: j.done + j.failed });
  return h('li', { class: `job job-${j.state}`, 'data-job': j.id },
    h('div', { class: 'job-head' }, h('strong', null, j.label), ` · ${j.kind} · ${j.state}${j.step ? ` (${j.step})` : ''} · started ${j.createdAt.slice(11, 19)}`),
    h('div', null, bar, ` ${j.done + j.failed}/${j.total} (${pct}%)${j.failed ? `, ${j.failed} failed` : ''}`),
    h('ul', { class: 'job-items' }, j.items.slice(-10).map((it) => h('li', { class: it.ok ? 'ok' : 'failed' },
      it.ok && it.result
        ? [h('a', { href: link(['article', it.result.articleId]) }, it.label), `: ${it.result.status}, ${it.result.reports} events (${it.result.newEvents} new, ${it.result.fusedEvents} fused)${it.result.duplicateOf ? ', near-duplicate' : ''}`]
        : `${it.label}: ${it.reason ?? 'failed'}`))));
}

export const ingestPage: Page = async (root) => {
  const health = await api.health().catch(() => null);
  const accepts = health?.accepts ?? ['text'];
  const tokenIn = h('input', { type: 'password', name: 'token', placeholder: 'sitrep_…', autocomplete: 'off' });
  tokenIn.value = getToken();
  const tokenForm = h('form', { class: 'filters inline' },
    h('label', { class: 'field' }, h('span', null, 'API token (from `sitrep token create`)'), tokenIn),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Save token')));
  const tokenMsg = h('span', { class: 'muted' });
  tokenForm.append(tokenMsg);
  tokenForm.addEventListener('submit', (e) => { e.preventDefault(); setToken(tokenIn.value.trim()); mount(tokenMsg, tokenIn.value.trim() ? 'Saved in this browser.' : 'Cleared.'); });

  const kind = h('select', { name: 'kind' }, accepts.map((k) => h('option', { value: k }, k === 'text' ? 'Plain text' : k === 'html' ? 'HTML page source' : 'URL to fetch')));
  const title = h('input', { name: 'title', placeholder: 'headline (optional)' });
  const published = h('input', { name: 'published', type: 'date' });
  const url = h('input', { name: 'url', placeholder: 'https://… (source URL, optional for text)' });
  const text = h('textarea', { name: 'text', rows: 10, placeholder: 'Article text or HTML' });
  const msg = h('div', { class: 'submit-msg', role: 'status' });
  const form = h('form', { class: 'ingest-form' },
    h('div', { class: 'filters inline' },
      h('label', { class: 'field' }, h('span', null, 'Input'), kind),
      h('label', { class: 'field' }, h('span', null, 'Title'), title),
      h('label', { class: 'field' }, h('span', null, 'Published'), published),
      h('label', { class: 'field wide' }, h('span', null, 'URL'), url)),
    text,
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Ingest')), msg);
  const sync = () => { text.hidden = kind.value === 'url'; title.disabled = kind.value !== 'text'; };
  kind.addEventListener('change', sync);
  sync();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body: Record<string, string> = {};
    if (kind.value === 'url') body.url = url.value.trim();
    else {
      body[kind.value === 'html' ? 'html' : 'text'] = text.value;
      if (title.value.trim() && kind.value === 'text') body.title = title.value.trim();
      if (url.value.trim()) body.url = url.value.trim();
    }
    if (published.value) body.published = published.value;
    mount(msg, 'Submitting…');
    try {
      const r = await api.postArticle(body);
      mount(msg, `Job ${r.job.id}: ${r.job.state}.`);
      void refresh();
    } catch (err) { mount(msg, errorBox(err)); }
  });

  const jobsEl = h('ul', { class: 'jobs', id: 'jobs' });
  const refresh = async () => {
    try {
      const { jobs } = await api.jobs();
      mount(jobsEl, jobs.length ? jobs.map(jobRow) : h('li', { class: 'muted' }, 'No ingest jobs since the server started.'));
    } catch (err) { mount(jobsEl, errorBox(err)); }
  };
  mount(root, h('h1', null, 'Ingest'),
    h('p', { class: 'muted' }, 'Writes need an API token. Jobs started here, by other clients of the API, are listed below and refresh every second.'),
    tokenForm, form, h('h2', null, 'Jobs'), jobsEl);
  await refresh();
  const timer = window.setInterval(() => { if (!document.hidden) void refresh(); }, 1000);
  return () => window.clearInterval(timer);
};
