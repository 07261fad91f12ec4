/** Entry of the offload worker thread: runs one task per message and answers with its text. */
import { parentPort } from 'node:worker_threads';
import { offloadTasks, type OffloadReply, type OffloadRequest } from './tasks';

const port = parentPort;
if (!port) throw new Error('the offload worker must run in a worker thread');

port.on('message', ({ id, task, input }: OffloadRequest) => {
  let reply: OffloadReply;
  try {
    reply = { id, value: offloadTasks[task](input as never) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});

// Loaded and listening: the pool hands out work only after this.
port.postMessage({ ready: true });
