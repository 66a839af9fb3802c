// Ledger storage: a realistic sample for the JavaScript definitions query.
"use strict";

const MAX_ENTRIES = 1000;
let defaultName = "main";
var legacyMode = false;

/** Parses one line of a ledger file. */
function parseLine(line, separator = ",", ...extra) {
  // blank lines carry nothing
  if (!line.trim()) return null;
  const [key, value] = line.split(separator);
  return { key, value, extra };
}

export class Ledger {
  static version = 2;
  #entries = [];
  name;

  constructor(store, { name = defaultName } = {}) {
    this.store = store;
    this.name = name;
  }

  append(entry) {
    this.#entries.push(entry); // never reordered
    return this.#entries.length;
  }

  get size() {
    return this.#entries.length;
  }

  static empty(store) {
    return new Ledger(store);
  }

  onChange = (listener) => {
    this.listener = listener;
  };

  #compact() {
    function isLive(entry) {
      return entry.value !== undefined;
    }
    this.#entries = this.#entries.filter(isLive);
  }

  static Page = class {
    constructor(size) {
      this.size = size;
    }
  };
}

export const Cursor = class {
  advance(step = 1) {
    return step;
  }
};

export const replay = async (ledger, ...keys) => {
  const wanted = new Set(keys);
  return ledger.entries.filter((e) => wanted.has(e.key));
};

export const format = entry => `${entry.key}=${entry.value}`;

export function* walk(ledger, [first, last]) {
  for (let i = first; i < last; i++) yield ledger.at(i);
}

module.exports.load = function (path, options) {
  return parseLine(path, options);
};
