/**
 * One analyzer thread of the pool (see ./analyzer-pool.ts). The pipeline (wink model, lexicons,
 * compiled patterns) is loaded once when the thread starts; then every message is one article.
 * Errors are returned as data with a one-line reason: a bad article never kills the thread.
 */
import { parentPort } from 'node:worker_threads';
import { analyze } from '../pipeline/index.js';
import type { AnalyzeTask, AnalyzeReply } from './analyzer-pool.js';
import { failureReason } from './failure-reason.js';
import { prepareRecord } from '../store/prepare.js';

if (!parentPort) throw new Error('analyzer-worker must run in a worker thread');
const port = parentPort;

port.on('message', (task: AnalyzeTask) => {
  let reply: AnalyzeReply;
  try {
    const record = analyze(task.input, task.options);
    // the store's pure per-record work too, here rather than on the single writer's thread
    reply = { seq: task.seq, ok: true, record, prepared: prepareRecord(record) };
  } catch (e) {
    reply = { seq: task.seq, ok: false, reason: failureReason(e) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
