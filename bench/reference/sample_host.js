#!/usr/bin/env node
// The usual way a native messaging host is written in Node, after the
// common samples: collect stdin chunks, cut frames by their 4-byte
// native-endian length, JSON.parse each, answer with JSON.stringify. It
// compares nothing; it only stands for the cost of a Node process that parses
// and answers. oneself's cold start is measured against it (bench/README.md).
'use strict';

const os = require('os');
const LE = os.endianness() === 'LE';

let pending = Buffer.alloc(0);

function send(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const header = Buffer.alloc(4);
  if (LE) header.writeUInt32LE(body.length, 0); else header.writeUInt32BE(body.length, 0);
  process.stdout.write(Buffer.concat([header, body]));
}

function answer(message) {
  const result = message.type === 'hello'
    ? { protocol: 1, version: 'reference', sites: [] }
    : { revision: 0, warnings: [], checked: Object.keys(message.fields || {}), score: 100 };
  send({ id: message.id, ok: true, result });
}

process.stdin.on('data', (chunk) => {
  pending = Buffer.concat([pending, chunk]);
  while (pending.length >= 4) {
    const length = LE ? pending.readUInt32LE(0) : pending.readUInt32BE(0);
    if (pending.length < 4 + length) break;
    const body = pending.subarray(4, 4 + length).toString('utf8');
    pending = pending.subarray(4 + length);
    answer(JSON.parse(body));
  }
});
process.stdin.on('end', () => process.exit(0));
