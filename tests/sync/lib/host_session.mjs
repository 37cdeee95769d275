// Speaks to one `oneself host` as a browser would: framed JSON on its stdin
// and stdout (docs/protocol.md: a 4-byte native-order length, then UTF-8 JSON).
//
//   node host_session.mjs REQUEST_JSON...
//
// Sends each request in order and prints each reply as one line. A
// `profile.update` without `baseRevision` is preceded by a `profile.get`, and
// made on the revision it reports, as the options page does; when the store
// moved in between (another writer, or a sync), the reply is `conflict` and
// the update is made again on the new revision (up to 20 times). Exit status
// 0 when every reply is ok, 1 otherwise. The binary is $ONESELF_BINARY; the
// store is whatever $ONESELF_HOME says.
import { spawn } from 'node:child_process';

const binary = process.env.ONESELF_BINARY;
if (!binary) {
  console.error('host_session: set ONESELF_BINARY to the oneself binary');
  process.exit(2);
}

const host = spawn(binary, ['host'], { stdio: ['pipe', 'pipe', 'inherit'] });
let buffered = Buffer.alloc(0);
const waiting = [];
host.stdout.on('data', (chunk) => {
  buffered = Buffer.concat([buffered, chunk]);
  while (buffered.length >= 4) {
    const size = buffered.readUInt32LE(0);
    if (buffered.length < 4 + size) break;
    const body = buffered.subarray(4, 4 + size).toString('utf8');
    buffered = buffered.subarray(4 + size);
    waiting.shift()?.resolve(JSON.parse(body));
  }
});
host.on('exit', (code) => {
  for (const w of waiting.splice(0)) w.reject(new Error(`oneself host exited (${code}) before replying`));
});

let nextId = 1;
function request(message) {
  const body = Buffer.from(JSON.stringify({ id: nextId++, ...message }), 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(body.length, 0);
  return new Promise((resolve, reject) => {
    waiting.push({ resolve, reject });
    host.stdin.write(Buffer.concat([header, body]));
  });
}

async function send(message) {
  if (message.type !== 'profile.update' || 'baseRevision' in message) return request(message);
  for (let attempt = 0; attempt < 20; attempt++) {
    const current = await request({ type: 'profile.get' });
    if (!current.ok) return current;
    const reply = await request({ ...message, baseRevision: current.result.revision });
    if (reply.ok || reply.error?.code !== 'conflict') return reply;
  }
  return request({ type: 'profile.get' }).then(() => ({ ok: false, error: { code: 'conflict', message: 'still moving after 20 attempts' } }));
}

let failed = false;
try {
  for (const text of process.argv.slice(2)) {
    const reply = await send(JSON.parse(text));
    process.stdout.write(JSON.stringify(reply) + '\n');
    if (!reply.ok) failed = true;
  }
} catch (error) {
  console.error(`host_session: ${error.message}`);
  failed = true;
}
host.stdin.end();
await new Promise((resolve) => (host.exitCode !== null ? resolve() : host.on('exit', resolve)));
process.exit(failed ? 1 : 0);
