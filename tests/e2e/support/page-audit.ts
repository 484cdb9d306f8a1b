import type { Page } from 'playwright-core';

/**
 * The project's own elder audit, run on a live page of a test's Chromium (so at whatever font size
 * that browser is set to). It applies the rules of the shared elder-audit tool (../shared/tools/elder-audit.mjs:
 * 18 px text, 60 x 60 targets, 4.5:1 contrast, 1.3 line height) and adds what a reader without a
 * finger needs: every block that acts on a tap is a button to a screen reader (role), and every
 * button can take the keyboard's focus.
 */
export const limits = { minFontPx: 18, minTargetPx: 60, minContrast: 4.5, minLineHeight: 1.3 };

export interface AuditFinding {
  kind: string;
  text: string;
  [measure: string]: string | number;
}

/**
 * Runs in the page before the app: remembers every element that gets a click listener, which is how
 * Taro's H5 components wire onClick. `auditPage` reads the set to find blocks that act as buttons.
 */
export function markTapHandlers(): void {
  const seen = new WeakSet<EventTarget>();
  Object.defineProperty(window, '__tapTargets', { value: seen });
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, ...rest: [EventListenerOrEventListenerObject | null, (boolean | AddEventListenerOptions)?]) {
    if (type === 'click' && this instanceof Element) seen.add(this);
    return add.call(this, type, ...rest);
  };
}

/** Runs inside the page: every visible text and tap target measured against the limits. */
function measure(l: typeof limits) {
  const tapTargets = (window as unknown as { __tapTargets?: WeakSet<Element> }).__tapTargets;
  const parse = (c: string) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m?.[1]) return null;
    const [r = 0, g = 0, b = 0, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
    const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el: Element) => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c;
      if (getComputedStyle(e).backgroundImage !== 'none') return null; // an image behind: not judged
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0.1;
  };
  const label = (el: Element) => ((el as HTMLElement).innerText || el.getAttribute('aria-label') || el.tagName).trim().replace(/\s+/g, ' ').slice(0, 40);
  const findings: { kind: string; text: string; [k: string]: string | number }[] = [];
  let texts = 0;
  for (const el of Array.from(document.querySelectorAll('body *'))) {
    const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim());
    if (!own || !visible(el)) continue;
    texts++;
    const s = getComputedStyle(el);
    const size = parseFloat(s.fontSize);
    if (size < l.minFontPx) findings.push({ kind: 'small text', px: size, text: label(el) });
    const lh = parseFloat(s.lineHeight);
    if (!Number.isNaN(lh) && lh / size < l.minLineHeight - 0.01) findings.push({ kind: 'tight line height', ratio: +(lh / size).toFixed(2), text: label(el) });
    const fg = parse(s.color);
    const bg = background(el);
    if (fg && bg) {
      const [lighter, darker] = [lum(fg), lum(bg)].sort((x, y) => y - x) as [number, number];
      const ratio = (lighter + 0.05) / (darker + 0.05);
      if (ratio < l.minContrast) findings.push({ kind: 'low contrast', ratio: +ratio.toFixed(2), text: label(el) });
    }
  }
  // Native controls and Taro's form fields bring their own roles; anything else that takes a tap must say it is a button.
  const native = 'a[href], input, select, textarea, label, taro-input-core, taro-textarea-core, taro-picker-core, taro-checkbox-core, taro-radio-core, taro-switch-core';
  const buttons = 'button, [role="button"], taro-button-core';
  const tappable = `${buttons}, ${native}, [onclick]`;
  const inPage = (el: Element) => el.closest('.elder-page') !== null; // the router's own containers carry React's delegated listener
  let targets = 0;
  for (const el of Array.from(document.querySelectorAll('body *'))) {
    if (!visible(el)) continue;
    const actsOnTap = el.matches(tappable) || (tapTargets?.has(el) === true && inPage(el));
    if (!actsOnTap) continue;
    if (el.parentElement?.closest(tappable)) continue; // the outer target counts
    targets++;
    const r = el.getBoundingClientRect();
    if (r.width < l.minTargetPx - 0.5 || r.height < l.minTargetPx - 0.5) findings.push({ kind: 'small target', w: Math.round(r.width), h: Math.round(r.height), text: label(el) });
    if (el.matches(native)) continue;
    if (el.tagName !== 'BUTTON' && el.getAttribute('role') !== 'button') findings.push({ kind: el.matches('taro-button-core') ? 'button without role' : 'tappable without role', text: label(el) });
    if ((el as HTMLElement).tabIndex < 0) findings.push({ kind: 'button not focusable', text: label(el) });
  }
  return { texts, targets, findings };
}

/** The audit of the page as it is now; a page passes when it has text and no finding. */
export function auditPage(page: Page): Promise<{ texts: number; targets: number; findings: AuditFinding[] }> {
  return page.evaluate(measure, limits);
}

/** The body text size of the visible page, in CSS px (the `.elder-page` frame's font size). */
export function bodyTextPx(page: Page): Promise<number> {
  return page.locator('.elder-page').filter({ visible: true }).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}
