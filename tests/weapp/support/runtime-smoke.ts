/**
 * The one module that knows how Taro 4 drives a WeChat page, found by reading
 * @tarojs/runtime 4.2.1 (createPageConfig, TaroRootElement.performUpdate, eventHandler):
 *  - the page's render tree is `data.root.cn`, updated by setData with path keys such as
 *    `root.cn.[0].cn.[2].v` or `root.cn[0]`;
 *  - an element node has `cn` (child nodes) and `sid` (its id in Taro's document); a text node has `v`;
 *  - every event of the page goes to the page's `eh` method, which finds the element by
 *    `currentTarget.dataset.sid` and dispatches a Taro event (a tap reaches React's onClick);
 *  - `onLoad(options, cb)` mounts the React page; `onShow`/`onReady` wait for that.
 * A Taro upgrade may change any of these: then this module, and only it, needs touching.
 */

/** What WeChat's Page()/App()/Component() were given, keyed by route for pages. */
export interface Registry {
  app?: Record<string, unknown>;
  pages: Map<string, Record<string, unknown>>;
  components: Record<string, unknown>[];
  /** The route whose file is being required, so Page() knows whose config it got. */
  loading?: string;
}

/** Installs WeChat's globals (wx, App, Page, Component, getApp, getCurrentPages) on this process. */
export function installGlobals(wx: unknown, stack: PageInstance[]): Registry {
  const registry: Registry = { pages: new Map(), components: [] };
  const g = globalThis as Record<string, unknown>;
  g.wx = wx;
  g.App = (config: Record<string, unknown>) => {
    registry.app = config;
  };
  g.getApp = () => registry.app;
  g.Page = (config: Record<string, unknown>) => {
    registry.pages.set(registry.loading ?? '(unknown)', config);
  };
  g.Component = (config: Record<string, unknown>) => {
    registry.components.push(config);
  };
  g.Behavior = (config: unknown) => config;
  g.getCurrentPages = () => stack;
  return registry;
}

type Fn = (this: unknown, ...args: unknown[]) => unknown;

export function launchApp(app: Record<string, unknown>, firstRoute: string): void {
  const options = { path: firstRoute, query: {}, scene: 1001, referrerInfo: {} };
  (app.onLaunch as Fn | undefined)?.call(app, options);
  (app.onShow as Fn | undefined)?.call(app, options);
}

export interface PageInstance {
  route: string;
  data: Record<string, unknown>;
  setData(patch: Record<string, unknown>, cb?: () => void): void;
  [key: string]: unknown;
}

/** Sets `root.cn.[0].cn[2].v`-style paths as WeChat's setData does, creating what is missing. */
function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
  let node = target as Record<string, unknown>;
  parts.forEach((part, i) => {
    if (i === parts.length - 1) {
      node[part] = value;
      return;
    }
    if (node[part] === null || typeof node[part] !== 'object') node[part] = /^\d+$/.test(parts[i + 1] ?? '') ? [] : {};
    node = node[part] as Record<string, unknown>;
  });
}

/** A page as WeChat makes one from a Page() config, with a setData that keeps the data and tells `onUpdate`. */
export function createPage(config: Record<string, unknown>, route: string, onUpdate: () => void): PageInstance {
  const page = Object.create(config) as PageInstance;
  page.route = route;
  page.__route__ = route;
  page.data = structuredClone((config.data ?? {}) as Record<string, unknown>);
  page.setData = function (patch, cb) {
    for (const [key, value] of Object.entries(patch)) setPath(this.data, key, structuredClone(value));
    onUpdate();
    if (cb) setTimeout(cb, 0);
  };
  return page;
}

/** What WeChat calls when a page opens: onLoad with the query, then onShow, then onReady. */
export function openPage(page: PageInstance, query: Record<string, string>): void {
  page.options = query;
  (page.onLoad as Fn).call(page, query);
  (page.onShow as Fn | undefined)?.call(page);
  (page.onReady as Fn | undefined)?.call(page);
}

export function closePage(page: PageInstance): void {
  (page.onUnload as Fn | undefined)?.call(page);
}

export interface TaroNode {
  sid?: string;
  /** The element's own `id` when the page set one (WeChat's `id` attribute); otherwise its id is `sid`. */
  uid?: string;
  v?: unknown;
  cn?: TaroNode[];
  /** Other attributes, by their camel-case names (`openType`, `className`…). */
  [attribute: string]: unknown;
}

function rootNodes(data: Record<string, unknown>): TaroNode[] {
  return ((data.root as TaroNode | undefined)?.cn ?? []).filter(Boolean);
}

/** Each element's own text (its text children joined), in document order: what a person reads. */
export function pageTexts(data: Record<string, unknown>): string[] {
  const texts: string[] = [];
  const walk = (node: TaroNode) => {
    const own = (node.cn ?? [])
      .filter((c) => c && typeof c.v === 'string')
      .map((c) => c.v as string)
      .join('');
    if (own.trim()) texts.push(own);
    (node.cn ?? []).filter((c) => c && c.cn).forEach(walk);
  };
  rootNodes(data).forEach(walk);
  return texts;
}

/** The element whose own text starts with `label` (a button's label), or undefined. */
export function findNodeByText(data: Record<string, unknown>, label: string): TaroNode | undefined {
  let found: TaroNode | undefined;
  const walk = (node: TaroNode) => {
    if (found) return;
    const own = (node.cn ?? []).map((c) => (c && typeof c.v === 'string' ? c.v : '')).join('');
    if (own.startsWith(label) && node.sid) found = node;
    (node.cn ?? []).filter((c) => c && c.cn).forEach(walk);
  };
  rootNodes(data).forEach(walk);
  return found;
}

/** The sid of the element whose own text starts with `label` (a button's label), or undefined. */
export function findByText(data: Record<string, unknown>, label: string): string | undefined {
  return findNodeByText(data, label)?.sid;
}

/** The attributes of a node's template in the build's base.wxml (`tmpl_0_<nn>`), as WeChat renders the element. */
function templateAttributes(baseWxml: string, node: TaroNode): string {
  return new RegExp(`<template name="tmpl_0_${String(node.nn)}">\\s*<[\\w-]+([^>]*)>`).exec(baseWxml)?.[1] ?? '';
}

/**
 * An attribute of an element as WeChat sees it (`open-type`): Taro keeps attributes under short aliases (`p11`),
 * which the element's template in base.wxml maps back to the attribute.
 */
export function renderedAttribute(baseWxml: string, node: TaroNode, attribute: string): unknown {
  const key = new RegExp(`\\s${attribute}="\\{\\{i\\.(\\w+)\\}\\}"`).exec(templateAttributes(baseWxml, node))?.[1];
  return key ? node[key] : undefined;
}

/** Whether WeChat would deliver the element's `type` events to Taro: its template binds `bind<type>="eh"`. */
export function bindsEvent(baseWxml: string, node: TaroNode, type: string): boolean {
  return templateAttributes(baseWxml, node).includes(` bind${type}="eh"`);
}

/**
 * An event of element `sid` as WeChat delivers it to the `bind…="eh"` of Taro's templates: the element's `id`
 * (its own, or the sid) and `data-sid`, by which Taro finds the element.
 */
export function sendEvent(page: PageInstance, node: { sid?: string; uid?: string }, type: string, detail: Record<string, unknown> = {}): void {
  const target = { id: node.uid ?? node.sid, dataset: { sid: node.sid } };
  (page.eh as Fn).call(page, { type, timeStamp: performance.now(), target, currentTarget: target, detail, touches: [], changedTouches: [] });
}

/** A tap on element `sid`, as WeChat delivers it to the `bindtap="eh"` of Taro's templates. */
export function tap(page: PageInstance, sid: string): void {
  sendEvent(page, { sid }, 'tap', { x: 10, y: 10 });
}

/**
 * For the broken-build tests: a page entry whose React component throws while rendering. Taro's
 * loader ends each page file with `Page(createPageConfig(Component, "ROUTE", ...))`, minified
 * as `(0,x.y)(Component,"ROUTE"`: the component is swapped for one that throws.
 */
export function withThrowingComponent(source: string, route: string): string {
  const call = new RegExp(`(\\(0,[\\w$]+\\.[\\w$]+\\)\\()[\\w$]+(,"${route.replace(/[/.]/g, '\\$&')}")`);
  if (!call.test(source)) throw new Error(`no createPageConfig(Component, "${route}") call found in the page file: Taro's page entry changed`);
  return source.replace(call, (_m, head: string, tail: string) => `${head}function(){throw new Error("deliberately broken render")}${tail}`);
}
