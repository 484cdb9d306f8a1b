/** One problem a check found in a weapp build. Checks return these instead of throwing, so tests can assert on them. */
export interface Finding {
  /** Which check found it, e.g. `ci.analyseCode`, `wcc`, `smoke`. */
  check: string;
  /** The build file it is about, relative to the build folder (or the page route for the smoke run). */
  file: string;
  message: string;
}

/** One line per finding, for assertion messages: an empty list reads as "no findings". */
export function describeFindings(findings: Finding[]): string {
  if (findings.length === 0) return 'no findings';
  return findings.map((f) => `[${f.check}] ${f.file}: ${f.message}`).join('\n');
}
