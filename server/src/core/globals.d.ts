// The few globals the core uses that are not in ES2022's library but exist wherever the core runs
// (Node 20, browsers, web workers). The core's project (tsconfig.json) has no DOM, no Node and no
// mocha types, so anything else — `process`, `Buffer`, `window`, `describe` — fails `tsc -b`.
// Declared as narrowly as the core uses them; add one only if it is a web standard Node also has.

/** WHATWG URL (links.ts: whether a written link parses). */
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
}
