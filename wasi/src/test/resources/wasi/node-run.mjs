// Reference runner: runs a WASI command under Node's node:wasi with wasmtime-style flags, so the
// differential test can compare Gatun's stdout, files and exit status with Node's.
// usage: node --no-warnings node-run.mjs [--dir HOST[::GUEST]]... [--env K=V]... [--] module.wasm [ARGS...]
import { WASI } from 'node:wasi';
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
const preopens = {};
const env = {};
let i = 0;
for (; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--') { i++; break; }
  if (a === '--dir') {
    const spec = argv[++i];
    const sep = spec.indexOf('::');
    const host = sep < 0 ? spec : spec.slice(0, sep);
    const guest = sep < 0 ? spec : spec.slice(sep + 2);
    preopens[guest] = host;
  } else if (a === '--env') {
    const kv = argv[++i];
    const eq = kv.indexOf('=');
    env[kv.slice(0, eq)] = kv.slice(eq + 1);
  } else {
    break;
  }
}
const wasmPath = argv[i];
const args = [wasmPath, ...argv.slice(i + 1)];
const wasi = new WASI({ version: 'preview1', args, env, preopens, returnOnExit: true });
const module = await WebAssembly.compile(readFileSync(wasmPath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
