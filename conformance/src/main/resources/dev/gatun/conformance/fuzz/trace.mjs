// The reference side of the differential fuzzer (dev.gatun.conformance.fuzz.Differential): runs each module
// given on the command line in Node's V8 and prints what Trace.java prints for Gatun, line for line:
// "== FILE", then the fuzzing-support log calls, each export call's results or trap category, the memory hash.
import fs from 'node:fs';

const out = [];
const emit = s => out.push(s);
const dv = new DataView(new ArrayBuffer(8));
const f32 = v => { if (Number.isNaN(v)) return 'f32 nan'; dv.setFloat32(0, v); return 'f32 ' + dv.getUint32(0).toString(16); };
const f64 = v => { if (Number.isNaN(v)) return 'f64 nan'; dv.setFloat64(0, v); return 'f64 ' + dv.getBigUint64(0).toString(16); };

// Trap categories shared with Trace.java: V8's messages, mapped onto the spec's trap kinds.
function category(e) {
  const m = String(e && e.message);
  if (e instanceof RangeError && /call stack/i.test(m)) return 'stack';
  if (e instanceof TypeError) return 'host';
  if (!(e instanceof WebAssembly.RuntimeError)) return 'other ' + (e && e.constructor && e.constructor.name) + ': ' + m;
  if (/unreachable/.test(m)) return 'unreachable';
  if (/divide by zero|remainder by zero/.test(m)) return 'div0';
  // V8 says "float unrepresentable" for every failed truncation, where the spec says "integer overflow" for
  // out-of-range and "invalid conversion" for NaN; "int-range" stands for all three, and division's overflow.
  if (/integer overflow|unrepresentable/.test(m)) return 'int-range';
  if (/memory access out of bounds|data segment/.test(m)) return 'memory';
  if (/table index is out of bounds|element segment|table/.test(m)) return 'table';
  if (/null function|signature mismatch/.test(m)) return 'indirect';
  return 'other RuntimeError: ' + m;
}

function show(t, v) {
  switch (t) {
    case 'i32': return 'i32 ' + (v | 0);
    case 'i64': return 'i64 ' + BigInt.asIntN(64, v);
    case 'f32': return f32(v);
    case 'f64': return f64(v);
    default: return v === null ? 'null' : 'ref';
  }
}

function arg(t, i) {
  switch (t) {
    case 'i32': return i * 7 - 3;
    case 'i64': return -(1n << BigInt(i + 20));
    case 'f32': return Math.fround(1.5 * i - 0.25);
    case 'f64': return -2.5 * i + 1e-3;
    default: return null;
  }
}

function run(file, sigs) {
  const bytes = fs.readFileSync(file);
  const log = t => v => emit('log ' + show(t, v));
  const imports = { 'fuzzing-support': {
    'log-i32': log('i32'), 'log-i64': log('i64'), 'log-f32': log('f32'), 'log-f64': log('f64'),
    // V8 cannot pass a v128 to JavaScript: the call throws a TypeError (Trace.java's log-v128 does the same).
    'log-v128': () => { throw new TypeError('v128'); },
  } };
  let instance;
  try {
    instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
  } catch (e) {
    emit('instantiate trap ' + category(e));
    return;
  }
  const ex = instance.exports;
  for (const [name, params, results] of sigs) {
    if (params.includes('v128') || results.includes('v128')) continue;   // not callable from JavaScript
    if (ex.hangLimitInitializer) ex.hangLimitInitializer();
    try {
      const r = ex[name](...params.map(arg));
      const rs = results.length === 1 ? [r] : results.length === 0 ? [] : r;
      emit(name + ' -> (' + results.map((t, i) => show(t, rs[i])).join(', ') + ')');
    } catch (e) {
      const c = category(e);
      emit(name + ' trap ' + c);
      if (c === 'stack') return;   // V8's stack limit is not Gatun's: the rest is not comparable
    }
  }
  if (ex.memory instanceof WebAssembly.Memory) {
    const b = new Uint8Array(ex.memory.buffer);
    let h = 0x811c9dc5;
    for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 16777619) >>> 0;
    emit('memory ' + b.length + ' ' + h.toString(16));
  }
}

// argv: a file listing "path<TAB>export<TAB>params<TAB>results" lines (types comma-separated), one module after another.
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(l => l.length);
const modules = new Map();
for (const l of lines) {
  const [file, name, ps, rs] = l.split('\t');
  if (!modules.has(file)) modules.set(file, []);
  if (name) modules.get(file).push([name, ps ? ps.split(',') : [], rs ? rs.split(',') : []]);
}
for (const [file, sigs] of modules) {
  emit('== ' + file);
  run(file, sigs);
}
process.stdout.write(out.join('\n') + '\n');
