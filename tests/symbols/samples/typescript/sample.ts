// Ledger storage: a realistic sample for the TypeScript definitions query.
import { EventEmitter } from "events";

export const MAX_ENTRIES = 1000;
export let defaultName: string = "main";

export type Key = string | number;
export type Listener<T> = (entry: Entry<T>) => void;

export enum Level { Debug = 10, Info, Warn = 30 }

export interface Entry<T> {
  readonly key: Key;
  value: T;
  describe(verbose?: boolean): string;
}

export interface Store {
  get(key: Key): Promise<Uint8Array | undefined>;
  put(key: Key, value: Uint8Array, ...tags: string[]): Promise<void>;
}

export abstract class Ledger<T> extends EventEmitter {
  static version = 2;
  private entries: Entry<T>[] = [];

  constructor(protected readonly store: Store, public name = defaultName, retries?: number) {
    super();
    this.limit = retries ?? 3; // bounded
  }

  find(key: Key): Entry<T> | undefined;
  find(key: Key, fallback: Entry<T>): Entry<T>;
  find(key: Key, fallback?: Entry<T>): Entry<T> | undefined {
    // linear scan: ledgers stay small
    return this.entries.find((e) => e.key === key) ?? fallback;
  }

  abstract compact(level: Level): Promise<number>;

  onChange = <U extends T>(listener: Listener<U>): void => {
    this.on("change", listener);
  };
}

export namespace Ledger {
  export const EMPTY = 0;
  export function isEmpty(ledger: { size: number }): boolean {
    return ledger.size === EMPTY;
  }
  export class Cursor {
    constructor(public position = 0) {}
    advance(step = 1): number {
      return (this.position += step);
    }
  }
}

declare module "ledger-plugins" {
  export function register(name: string): void;
}

export function replay<T>(ledger: Ledger<T>, { from, to }: Range = {}, ...keys: Key[]): Entry<T>[] {
  return [];
}

export const format = async <T,>(entry: Entry<T>, pretty = false): Promise<string> =>
  pretty ? JSON.stringify(entry, null, 2) : JSON.stringify(entry);
