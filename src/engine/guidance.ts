import type { ModelWarning } from './conditions';
import { VISIBLE } from './outputs';
import type { Region } from './params';

/**
 * Usual maximum needle length per region, mm, from clinical guidance tables (Singh & Yadav 2016 [S];
 * Alster & Graham 2018 [S]): thin periorbital skin 0.5 mm, forehead/perioral/neck 1.0 mm, cheeks
 * 1.5 mm (2.0 mm for deep acne scars), body and stretch marks 2.5 mm.
 */
export const MAX_NEEDLE_MM_BY_REGION: Record<Region, number> = {
  forehead: 1.0,
  cheek: 2.0,
  perioral: 1.0,
  periorbital: 0.5,
  neck: 1.0,
  body: 2.5,
};

/** Sessions closer than this, with needles that reach the dermis, are "overdoing it" (docs/model.md §1 item 6, §9; Harris 2015 median 4 weeks). */
export const MIN_INTERVAL_DAYS_DERMAL = 14;
/** More than this many passes in one session exceeds the usual clinical dose (Singh & Yadav 2016 [S]: 10–20 passes). */
export const MAX_USUAL_PASSES = 20;

export function needleWarning(region: Region, needleMm: number): ModelWarning | null {
  const max = MAX_NEEDLE_MM_BY_REGION[region];
  if (needleMm <= max) return null;
  return {
    code: 'needle-too-long-for-region',
    severity: 'warning',
    message: `A ${needleMm} mm needle is longer than usual for the ${region} (up to ${max} mm): risk of bleeding into deeper plexus and of capillary damage.`,
  };
}

export function phototypeWarning(phototype: number): ModelWarning | null {
  if (phototype < 4) return null;
  return {
    code: 'pih-risk',
    severity: 'info',
    message: `Phototype ${'I II III IV V VI'.split(' ')[phototype - 1]}: higher risk of post-inflammatory hyperpigmentation (Dogra 2014: 16.7 % in types IV–V).`,
  };
}

/**
 * `value` with `digits` decimals, or more when fewer would print a number that does not exceed
 * `threshold` (0.1004 against 0.1 reads "0.1004", never "0.10 > 0.1").
 */
export function formatAbove(value: number, threshold: number, digits: number): string {
  let d = digits;
  while (d < 8 && Number(value.toFixed(d)) <= threshold) d++;
  return value.toFixed(d);
}

/** Adverse effects that have become visible (docs/model.md §7 thresholds), as model events for the CLI result and the app. */
export function visibleEffectWarnings(telangiectasiaPeak: number, pigmentPeak: number): ModelWarning[] {
  const out: ModelWarning[] = [];
  if (telangiectasiaPeak > VISIBLE.telangiectasia) {
    out.push({
      code: 'telangiectasia-visible',
      severity: 'warning',
      message: `Broken capillaries become visible (telangiectasia up to ${formatAbove(telangiectasiaPeak, VISIBLE.telangiectasia, 2)} > ${VISIBLE.telangiectasia}): sessions too close, too many or too deep (hypothesis [I]).`,
    });
  }
  if (pigmentPeak > VISIBLE.pigment) {
    out.push({
      code: 'pih-visible',
      severity: 'warning',
      message: `Post-inflammatory hyperpigmentation becomes visible (pigment up to ${formatAbove(pigmentPeak, VISIBLE.pigment, 3)} > ${VISIBLE.pigment}).`,
    });
  }
  return out;
}
