// Reads one mermaid chart on stdin and parses it with mermaid's own parser.
// Prints "ok <diagram type>" and exits 0, or prints the parse error and exits 1.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");

const text = readFileSync(0, "utf8");
try {
  const result = await mermaid.parse(text);
  console.log(`ok ${result.diagramType}`);
} catch (error) {
  console.log(`error ${error.message}`);
  process.exit(1);
}
