'use strict';
// Preloaded into eindred by test/cli/guarantees.test.ts (NODE_OPTIONS=--require). It makes every
// way of reaching the network throw, and logs network attempts, files opened for reading and
// files written, to the file named by EINDRED_WATCH_LOG, one JSON line each.
const fs = require('node:fs');
const { isMainThread } = require('node:worker_threads');
const log = process.env.EINDRED_WATCH_LOG;
const append = fs.appendFileSync;
const record = (entry) => {
  if (log) append(log, `${JSON.stringify({ ...entry, thread: isMainThread ? 'main' : 'worker' })}\n`);
};
record({ kind: 'loaded' });

function forbid(module, names) {
  for (const name of names) {
    const original = module[name];
    if (typeof original !== 'function') continue;
    module[name] = function forbidden(...args) {
      record({ kind: 'network', call: name });
      throw new Error(`eindred tried to use the network (${name})`);
    };
  }
}
const net = require('node:net');
forbid(net, ['connect', 'createConnection', 'createServer']);
forbid(net.Socket.prototype, ['connect']);
forbid(require('node:tls'), ['connect']);
forbid(require('node:http'), ['request', 'get', 'createServer']);
forbid(require('node:https'), ['request', 'get', 'createServer']);
forbid(require('node:dgram'), ['createSocket']);
const dns = require('node:dns');
forbid(dns, ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']);
forbid(dns.promises, ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']);
if (typeof globalThis.fetch === 'function') {
  globalThis.fetch = () => {
    record({ kind: 'network', call: 'fetch' });
    throw new Error('eindred tried to use the network (fetch)');
  };
}

// A file that vanishes mid-run: reading EINDRED_VANISH_AFTER removes EINDRED_VANISH, once.
const vanishAfter = process.env.EINDRED_VANISH_AFTER;
const vanish = process.env.EINDRED_VANISH;
const originalReadFileSync = fs.readFileSync;
// An unreadable file (tests run as root, where chmod 000 does not stop reading): EINDRED_DENY.
const deny = process.env.EINDRED_DENY;
fs.readFileSync = function (path, ...rest) {
  if (deny && String(path) === deny) {
    throw Object.assign(new Error(`EACCES: permission denied, open '${deny}'`), {
      code: 'EACCES',
      errno: -13,
      syscall: 'open',
      path: deny,
    });
  }
  const result = originalReadFileSync.call(this, path, ...rest);
  if (vanishAfter && vanish && String(path).endsWith(vanishAfter) && fs.existsSync(vanish)) fs.rmSync(vanish);
  return result;
};

// Files: what is read and what is written.
const flagsWrite = (flags) => typeof flags === 'string' && /[wa+]/.test(flags);
for (const name of ['openSync', 'open']) {
  const original = fs[name];
  fs[name] = function (path, flags, ...rest) {
    record({ kind: flagsWrite(flags) ? 'write' : 'read', path: String(path) });
    return original.call(this, path, flags, ...rest);
  };
}
for (const name of ['writeFileSync', 'renameSync', 'rmSync', 'unlinkSync', 'mkdirSync']) {
  const original = fs[name];
  fs[name] = function (path, ...rest) {
    if (!(name === 'writeFileSync' && path === log)) record({ kind: 'write', call: name, path: String(path) });
    return original.call(this, path, ...rest);
  };
}
for (const name of ['writeFile', 'rename', 'rm', 'unlink', 'mkdir']) {
  const original = fs.promises[name];
  fs.promises[name] = function (path, ...rest) {
    record({ kind: 'write', call: `promises.${name}`, path: String(path) });
    return original.call(this, path, ...rest);
  };
}
