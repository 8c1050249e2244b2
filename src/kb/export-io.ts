/** Where a `kb ... export` command writes: a line of its report, or a problem. */
export interface ExportIo {
  out(line: string): void;
  err(line: string): void;
}
