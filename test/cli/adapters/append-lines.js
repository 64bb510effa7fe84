// A second program editing the log note: appends numbered lines by path (as an editor or a
// sync client would), with seeded pauses of 50–200 ms between them. Args: note, name, count, seed.
const { appendFileSync } = require("node:fs");

const [note, name, count, seed] = process.argv.slice(2);
let state = Number(seed) >>> 0;
const random = () => {
  // mulberry32: a small seeded generator, so every run pauses the same way.
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

let written = 0;
const next = () => {
  appendFileSync(note, `${name} line ${written}\n`);
  written++;
  if (written < Number(count)) setTimeout(next, 50 + Math.floor(random() * 150));
};
next();
