/**
 * Child-process entry (see child.ts) for the headless smoke run of the weapp runtime: WeChat's
 * globals are stubbed, app.js and each page of app.json are loaded, each page is opened, left to
 * settle and read. Any throw, uncaught error, rejected promise or console.error while a page
 * runs is a finding against that page's file. Input: SmokeInput; output: SmokeResult.
 */
import path from 'node:path';
import type { Role } from '@ltx/shared/domain/roles';
import { answerApi } from './fake-api';
import { pageRoutes, readAppJson, usedComponents } from './build-dir';
import { requireBuildFile } from './build-loader';
import { childMain } from './child';
import type { Finding } from './findings';
import { readFileSync } from 'node:fs';
import {
  bindsEvent, closePage, createPage, findByText, findNodeByText, installGlobals, launchApp, openPage, pageTexts, renderedAttribute, sendEvent, tap,
  type PageInstance,
} from './runtime-smoke';
import type { PrivacyStep, SmokeInput, SmokeResult } from './smoke';
import { createWxStub } from './wx-stub';

/** After its texts show, a page is settled when neither setData nor a wx call has happened for this long. */
const QUIET_MS = 50;
/** How long a page may take to show its texts: only a failing page waits this long. */
const SETTLE_LIMIT_MS = 4_000;
const cjk = /[\u4e00-\u9fff]/;

function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}${e.stack ? `\n${e.stack.split('\n').slice(1, 4).join('\n')}` : ''}`;
  return typeof e === 'string' ? e : JSON.stringify(e);
}

/** What is wrong with a settled page's texts: a key text missing, or (for a page with none listed) no Chinese at all. */
function textProblems(texts: string[], wanted: string[] | undefined): string[] {
  const shows = `it shows: ${JSON.stringify(texts).slice(0, 400)}`;
  if (!wanted?.length) return texts.some((t) => cjk.test(t)) ? [] : [`renders no Chinese text; ${shows}`];
  return wanted.filter((want) => !texts.some((t) => t.includes(want))).map((want) => `does not render "${want}"; ${shows}`);
}

async function main({ dir, pages, tap: tapPlan, privacy: privacyPlan, speech: speechPlan }: SmokeInput): Promise<SmokeResult> {
  const started = performance.now();
  const findings: Finding[] = [];
  const result: SmokeResult = { findings, notes: [], pages: [], afterTap: [], wxCalls: {}, ms: 0 };
  /** The file that errors now count against. */
  let current = 'app.js';
  let role: Role = 'member';
  let lastActivity = performance.now();
  const fail = (message: string, file = current) => findings.push({ check: 'smoke', file, message });

  process.on('uncaughtException', (e) => fail(`uncaught: ${errorText(e)}`));
  process.on('unhandledRejection', (e) => fail(`unhandled rejection: ${errorText(e)}`));
  const consoleError = console.error;
  console.error = (...args: unknown[]) => fail(`console.error: ${args.map(errorText).join(' ').slice(0, 800)}`);

  const stub = createWxStub((method, url, body) => {
    lastActivity = performance.now();
    const { answer, call } = answerApi(method, url, role, body);
    if (call.problem) fail(call.problem);
    if (call.note && !result.notes.includes(call.note)) result.notes.push(call.note);
    return answer;
  }, undefined, readAppJson(dir).plugins);
  // A signed-in session: pages that need one find the token where adapters/storage.ts keeps it.
  stub.storage.set('token', 'smoke-token');
  const stack: PageInstance[] = [];
  const registry = installGlobals(stub.wx, stack);
  // WeChat's module-level `requirePlugin`, beside `wx`: the speech plugin (wx-speech.ts).
  (globalThis as Record<string, unknown>).requirePlugin = stub.speech.requirePlugin;

  /**
   * Waits until `ready()` holds, no wx callback is pending and nothing has happened for QUIET_MS.
   * Waiting for the page's own texts, not just for quiet, keeps a slow CI machine from reading a
   * page before it renders. False when SETTLE_LIMIT_MS ran out first.
   */
  const settle = async (ready: () => boolean = () => true): Promise<boolean> => {
    const limit = performance.now() + SETTLE_LIMIT_MS;
    let calls = stub.calls.length;
    while (performance.now() < limit) {
      await new Promise((r) => setTimeout(r, 5));
      if (stub.calls.length !== calls) [calls, lastActivity] = [stub.calls.length, performance.now()];
      if (ready() && stub.pending() === 0 && performance.now() - lastActivity >= QUIET_MS) return true;
    }
    if (stub.pending() > 0) fail(`still waiting for ${stub.pending()} wx callbacks after ${SETTLE_LIMIT_MS} ms`);
    return false;
  };
  const load = (file: string): boolean => {
    try {
      requireBuildFile(path.join(dir, file));
      return true;
    } catch (e) {
      fail(`loading threw: ${errorText(e)}`, file);
      return false;
    }
  };

  const app = readAppJson(dir);
  const routes = pageRoutes(app);
  if (!load('app.js') || !registry.app) {
    if (!findings.length) fail('app.js did not call App()');
    return { ...result, ms: Math.round(performance.now() - started) };
  }
  try {
    launchApp(registry.app, routes[0] ?? '');
    await settle();
  } catch (e) {
    fail(`onLaunch threw: ${errorText(e)}`);
  }

  /** The one tap: find the element by its text, tap it, let the page settle, read it again. */
  const tapAndRead = async (page: PageInstance, { label, expect }: SmokeInput['tap']) => {
    const sid = findByText(page.data, label);
    if (!sid) return fail(`no element whose text starts with "${label}" to tap`);
    try {
      tap(page, sid);
    } catch (e) {
      fail(`the tap on "${label}" threw: ${errorText(e)}`);
    }
    await settle(() => pageTexts(page.data).some((t) => t.includes(expect)));
    result.afterTap = pageTexts(page.data);
    if (!result.afterTap.some((t) => t.includes(expect))) {
      fail(`after a tap on "${label}" it does not show "${expect}"; it shows: ${JSON.stringify(result.afterTap).slice(0, 400)}`);
    }
  };

  /**
   * The privacy step: a tap that calls a privacy API, which WeChat holds while the popup shows; then the agree
   * button, as WeChat delivers it: the base library notes the tap on an agreePrivacyAuthorization button by its
   * id, then fires `agreeprivacyauthorization` at it (Taro's `onAgreePrivacyAuthorization`).
   */
  const privacyStep = async (page: PageInstance, plan: NonNullable<SmokeInput['privacy']>): Promise<PrivacyStep> => {
    const log = stub.privacy.log;
    const shows = (texts: string[]) => plan.popup.every((want) => texts.some((t) => t.includes(want)));
    const step: PrivacyStep = { popup: [], ranBeforeAgreement: false, afterAgree: [], log };
    const trigger = findByText(page.data, plan.label);
    if (!trigger) {
      fail(`no element whose text starts with "${plan.label}" to tap`);
      return step;
    }
    tap(page, trigger);
    await settle(() => shows(pageTexts(page.data)));
    step.popup = pageTexts(page.data);
    step.ranBeforeAgreement = log.released.length > 0 || log.unguarded.length > 0;
    if (!shows(step.popup)) fail(`after a tap on "${plan.label}" the privacy popup does not show; it shows: ${JSON.stringify(step.popup).slice(0, 400)}`);
    const agree = findNodeByText(page.data, plan.agree);
    if (!agree?.sid) {
      fail(`no privacy agree button "${plan.agree}"`);
      return step;
    }
    const wxml = readFileSync(path.join(dir, 'base.wxml'), 'utf8');
    const id = agree.uid ?? agree.sid;
    const openType = renderedAttribute(wxml, agree, 'open-type');
    const bound = bindsEvent(wxml, agree, 'agreeprivacyauthorization');
    step.agreeButton = { id, openType, bindsAgree: bound };
    if (openType === 'agreePrivacyAuthorization') stub.privacy.agreeTapped(id);
    try {
      // WeChat fires the agreement at the button only where its template listens for it.
      if (bound) sendEvent(page, agree, 'agreeprivacyauthorization');
    } catch (e) {
      fail(`the agree tap threw: ${errorText(e)}`);
    }
    await settle(() => !shows(pageTexts(page.data)) && pageTexts(page.data).some((t) => t.includes(plan.after)));
    step.afterAgree = pageTexts(page.data);
    return step;
  };

  /** The speech tap: "读给我听", then wait until every chunk asked for has been played to its end. */
  const speechStep = async (page: PageInstance, { label }: NonNullable<SmokeInput['speech']>) => {
    const { log } = stub.speech;
    const sid = findByText(page.data, label);
    if (!sid) return fail(`no element whose text starts with "${label}" to tap (is read-aloud hidden?)`);
    try {
      tap(page, sid);
    } catch (e) {
      fail(`the tap on "${label}" threw: ${errorText(e)}`);
    }
    // Reading ends when the button says "读给我听" again, every chunk asked for having played.
    const done = () => log.asked.length > 0 && log.played.length === log.asked.length && findByText(page.data, label) !== undefined;
    if (!(await settle(done))) fail(`after a tap on "${label}" the reading did not finish: ${JSON.stringify(log)}`);
    result.speech = structuredClone(log);
  };

  if (privacyPlan && !routes.includes(privacyPlan.route)) fail(`the page of the privacy step, ${privacyPlan.route}, is not in app.json`, 'app.json');
  if (!routes.includes(tapPlan.route)) fail(`the page to tap, ${tapPlan.route}, is not in app.json`, 'app.json');
  const loadedComponents = new Set<string>();
  for (const route of routes) {
    const pageStarted = performance.now();
    const plan = pages[route];
    current = `${route}.js`;
    role = plan?.role ?? 'member';
    registry.loading = route;
    if (!load(current)) continue;
    // The custom components the page uses (Taro's recursive `comp`) load with it, as in WeChat.
    for (const component of usedComponents(dir, route)) {
      if (loadedComponents.has(component)) continue;
      loadedComponents.add(component);
      current = `${component}.js`;
      load(current);
      current = `${route}.js`;
    }
    const config = registry.pages.get(route);
    if (!config) {
      fail('the page file did not call Page()');
      continue;
    }
    const page = createPage(config, route, () => (lastActivity = performance.now()));
    stack.splice(0, stack.length, page);
    try {
      openPage(page, plan?.query ?? {});
    } catch (e) {
      fail(`opening the page threw: ${errorText(e)}`);
    }
    await settle(() => textProblems(pageTexts(page.data), plan?.texts).length === 0);
    const texts = pageTexts(page.data);
    textProblems(texts, plan?.texts).forEach((problem) => fail(problem));
    if (tapPlan.route === route) await tapAndRead(page, tapPlan);
    if (privacyPlan?.route === route) result.privacy = await privacyStep(page, privacyPlan);
    if (speechPlan?.route === route) await speechStep(page, speechPlan);
    try {
      closePage(page);
      await settle();
    } catch (e) {
      fail(`onUnload threw: ${errorText(e)}`);
    }
    result.pages.push({ route, texts, ms: Math.round(performance.now() - pageStarted) });
  }

  console.error = consoleError;
  for (const { name } of stub.calls) result.wxCalls[name] = (result.wxCalls[name] ?? 0) + 1;
  return { ...result, ms: Math.round(performance.now() - started) };
}

void childMain(main);
