import { fileURLToPath } from 'node:url';
import type { Role } from '@ltx/shared/domain/roles';
import { runChild } from './child';
import type { Finding } from './findings';
import type { PrivacyLog } from './wx-privacy';
import type { SpeechLog } from './wx-speech';

/** What one page must show in the smoke run. */
export interface PageExpectation {
  /** The page's query, e.g. `{ id: 'm-001' }`. */
  query?: Record<string, string>;
  /** Who the fake API says is signed in while this page runs (default `member`). */
  role?: Role;
  /** Texts the page must render once settled (each found inside some element's text); none listed: some Chinese text. */
  texts: string[];
}

export interface SmokeInput {
  dir: string;
  /** By route as in app.json (`packages/branch/pages/members/index`). A page not listed must still render some Chinese text. */
  pages: Record<string, PageExpectation>;
  /** One tap: on `route`, the element whose text starts with `label`; afterwards the page must show `expect`. */
  tap: { route: string; label: string; expect: string };
  /**
   * WeChat's privacy check (wx-privacy.ts), the person not having agreed yet: on `route`, a tap on `label` calls a
   * privacy API; the page must show the popup's `popup` texts while the API waits, then a tap on `agree` (an
   * `open-type="agreePrivacyAuthorization"` button) must let it run, close the popup and show `after`.
   */
  privacy?: { route: string; label: string; popup: string[]; agree: string; after: string };
  /** Reading aloud: on `route`, a tap on `label`; the run waits until every chunk asked for has played. */
  speech?: { route: string; label: string };
}

/** What the privacy step saw. */
export interface PrivacyStep {
  /** The page's texts while the privacy API waited. */
  popup: string[];
  /** Whether a privacy API ran before the agree tap (it must not). */
  ranBeforeAgreement: boolean;
  /** The agree button as WeChat renders it: its id (what `resolve` must name), its open-type, and whether its template passes the agreement event on. */
  agreeButton?: { id: string; openType: unknown; bindsAgree: boolean };
  /** The page's texts after the agree tap. */
  afterAgree: string[];
  log: PrivacyLog;
}

export interface SmokeResult {
  findings: Finding[];
  /** Not failures: real API routes the fake could not answer yet, so some page showed less. */
  notes: string[];
  pages: { route: string; texts: string[]; ms: number }[];
  /** The tapped page's texts after the tap. */
  afterTap: string[];
  /** The privacy step, when one was asked for. */
  privacy?: PrivacyStep;
  /** What the speech tap asked WeChat's speech plugin for and played, when one was asked for. */
  speech?: SpeechLog;
  /** wx API calls made, by name, e.g. `{ request: 9, reLaunch: 1 }`. */
  wxCalls: Record<string, number>;
  ms: number;
}

const entry = fileURLToPath(new URL('./smoke-runner.ts', import.meta.url));

/** Loads the build's app.js and every page in a child process with a stubbed `wx`, and reports what broke. */
export function runSmoke(input: SmokeInput): Promise<SmokeResult> {
  return runChild<SmokeResult>(entry, input, 120_000);
}
