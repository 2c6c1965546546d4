import Module from 'node:module';

// The DAL imports 'server-only', which throws outside a React server build. A script that loads the DAL imports this
// file FIRST (`import './stub-server-only';`): an empty module then stands in for it.
const localRequire = Module.createRequire(__filename);
const resolved = localRequire.resolve('server-only');
const stub = new Module(resolved);
stub.exports = {};
stub.loaded = true;
localRequire.cache[resolved] = stub;
