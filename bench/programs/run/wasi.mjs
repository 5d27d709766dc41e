// Runs a WASI preview 1 command module under Node's node:wasi, as `gatun run` runs one under Gatun:
//   node --experimental-wasi-unstable-preview1 wasi.mjs FILE.wasm ARGS...
// The program sees FILE's base name as argv[0]; its exit status becomes the process's.
//
// Node 20's node:wasi keeps the memory it was given at start and is not told when the program grows it:
// on this machine a WASI call after a memory.grow then used freed memory and crashed V8 (exit 139) at the
// end of PolyBench and of any program that allocates a few tens of MB (nodejs/node#51303). So every WASI
// import is wrapped: when the memory's size changed since the last call, node:wasi is handed the memory
// again (through its own kSetMemory) before the call goes on. The wrappers cost a JS call per WASI call.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { WASI } from 'node:wasi';

const [file, ...args] = process.argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [basename(file), ...args], env: {}, returnOnExit: false });
const setMemory = wasi[Object.getOwnPropertySymbols(wasi).find(s => s.description === 'kSetMemory')];
const native = wasi.getImportObject().wasi_snapshot_preview1;
let memory = null, size = -1;
const wrapped = {};
for (const [name, f] of Object.entries(native)) {
  wrapped[name] = (...a) => {
    if (memory !== null && memory.buffer.byteLength !== size) {
      size = memory.buffer.byteLength;
      setMemory(memory);
    }
    return f(...a);
  };
}
const module = await WebAssembly.compile(await readFile(file));
const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wrapped });
memory = instance.exports.memory;
size = memory.buffer.byteLength;
wasi.start(instance);
