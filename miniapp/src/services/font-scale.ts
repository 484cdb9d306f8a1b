/** WeChat's "standard" font size setting; larger settings enlarge our type in proportion. */
const STANDARD_FONT_SIZE = 17;
const MAX_SCALE = 1.6;

/**
 * Scale factor for the user's WeChat font size. Never below 1: the base sizes are already
 * the elder-friendly minimum, so a small setting must not shrink them.
 */
export function fontScaleFor(fontSizeSetting: number | undefined): number {
  if (typeof fontSizeSetting !== 'number' || !Number.isFinite(fontSizeSetting) || fontSizeSetting <= 0) return 1;
  const scale = fontSizeSetting / STANDARD_FONT_SIZE;
  return Math.round(Math.min(MAX_SCALE, Math.max(1, scale)) * 100) / 100;
}
