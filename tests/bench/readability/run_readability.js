// Mozilla Readability over every <name>.html of a directory, timing parse
// (jsdom) + extraction only, in one process: node run_readability.js IN_DIR
const fs = require("fs");
const path = require("path");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const dir = process.argv[2];
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".html")).sort();
const pages = files.map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
const quiet = new VirtualConsole();
let bytes = 0;
for (const p of pages) bytes += Buffer.byteLength(p);
const start = process.hrtime.bigint();
for (const html of pages) {
  try {
    const dom = new JSDOM(html, { url: "https://example.org/", virtualConsole: quiet });
    new Readability(dom.window.document).parse();
    dom.window.close();
  } catch (e) {
    // a page Readability cannot handle still costs its time
  }
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const mb = bytes / 1e6;
console.log(`${pages.length} pages, ${mb.toFixed(1)} MB, ${ms.toFixed(1)} ms (${(ms / pages.length).toFixed(2)} ms/page, ${(mb / (ms / 1000)).toFixed(1)} MB/s)`);
