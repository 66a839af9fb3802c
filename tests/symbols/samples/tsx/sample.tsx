// Ledger views: a realistic sample for the TSX definitions query.
import React, { useState } from "react";

export const PAGE_SIZE = 25;

export interface LedgerViewProps<T> {
  entries: T[];
  title?: string;
  onSelect(entry: T, index: number): void;
}

export type Row = { key: string; value: string };

export enum Density { Compact, Comfortable }

export function LedgerView<T extends Row>({ entries, title = "Ledger" }: LedgerViewProps<T>) {
  const [page, setPage] = useState(0);
  // only the visible page is rendered
  const visible = entries.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  return (
    <section>
      <h2>{title}</h2>
      {visible.map((row) => <EntryRow key={row.key} row={row} />)}
      <button onClick={() => setPage(page + 1)}>Next</button>
    </section>
  );
}

export const EntryRow = ({ row, density = Density.Compact }: { row: Row; density?: Density }) => (
  <tr className={density === Density.Compact ? "compact" : ""}>
    <td>{row.key}</td>
    <td>{row.value}</td>
  </tr>
);

export class LedgerBoundary extends React.Component<{ fallback: JSX.Element }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: React.ErrorInfo): void {
    console.error(error, info); // reported once
  }

  handleReset = (): void => {
    this.setState({ failed: false });
  };

  render() {
    return this.state.failed ? this.props.fallback : <>{this.props.children}</>;
  }
}

export default function useLedger(initial: Row[] = [], ...extra: Row[]) {
  const [rows, setRows] = useState<Row[]>([...initial, ...extra]);
  return { rows, add: (row: Row) => setRows([...rows, row]) };
}

export function label(row: Row): string;
export function label(rows: Row[]): string;
export function label(input: Row | Row[]): string {
  return Array.isArray(input) ? `${input.length} rows` : input.key;
}

export namespace LedgerView {
  export class Skeleton extends React.Component {
    render() {
      return <div className="skeleton" />;
    }
  }
}
