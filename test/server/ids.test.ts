/** Ids that are URLs or carry colons work in path parameters when percent-encoded. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, json, type Fixture } from './helpers.js';

let f: Fixture;
before(async () => { f = await fixture(); });
after(async () => { await f.close(); });

test('an article is found by its URL, percent-encoded as one path segment', async () => {
  const url = 'https://news.example.org/niger-us-strain';
  const res = await f.sitrep.app.request(`/api/articles/${encodeURIComponent(url)}`);
  assert.equal(res.status, 200);
  assert.equal((await json(res)).url, url);
  const byId = await f.sitrep.app.request(`/api/articles/${encodeURIComponent('test:us-niger-2024')}`);
  assert.equal(byId.status, 200);
});

test('actors are found by code, name and id', async () => {
  for (const ref of ['NER', 'Niger', 'CNSP']) {
    const res = await f.sitrep.app.request(`/api/actors/${encodeURIComponent(ref)}`);
    assert.equal(res.status, 200, ref);
  }
});
