import type { SetupInfo } from '../../session/index';
import { BLEED_MIN, drawnBleeding, tipDepthText } from '../../shading/index';
import type { CrossTip } from '../appStore';
import type { Settings } from '../settings';

/**
 * The depth view in words: the region's anatomy, and what the needles reach from the same number the
 * picture's dashed tip line is drawn at (the worker's penetrationMm for the needle and pressure it
 * drew; `tip` null until the first depth view arrives).
 */
export function crossSectionText(info: SetupInfo, s: Settings, tip: CrossTip | null): string {
  const a = info.anatomy;
  const layers =
    `Depth view ${s.crossRowMm} mm from the top of the patch. Epidermis ${a.epidermisMm.toFixed(2)} mm, capillary loops at ${a.capillaryLoopsMm.toFixed(2)} mm, ` +
    `superficial plexus at ${a.plexusMm.toFixed(2)} mm, dermis ${a.dermisMm.toFixed(2)} mm thick.`;
  if (tip === null) return layers;
  // Bleeding by the pictures' own rule (drawnBleeding): the punctures the tip line stands for draw blood
  // dots when the needle that bleeds most (share 1) does. Otherwise say which side of the loops the tip
  // is on: within 0.02 mm the two numbers read alike at two decimals.
  const gap = tip.tipMm - a.capillaryLoopsMm;
  const past =
    drawnBleeding(tip.tipMm, a.capillaryLoopsMm, info.bleedingFactor, 1) > BLEED_MIN
      ? ', past the capillary loops (pinpoint bleeding)'
      : gap > 0
        ? ', just past the capillary loops (at most a rare faint speck)'
        : gap > -0.02
          ? ', just short of the capillary loops (at most a rare faint speck)'
          : ', not reaching the capillary loops';
  // Why the tip sits above the needle's length (the engine's rule, penetrationMm: depth = f_pen × length ×
  // pressure): said in the visible text, since "a 1.5 mm needle, tip 0.75 mm" puzzles every newcomer.
  const share = tip.needleMm > 0 ? Math.round((tip.tipMm / tip.needleMm) * 100) : 0;
  const why = share < 100 ? ` The skin gives way under the drum, so a needle goes in only about ${share} % of its length at this pressure.` : '';
  return `${layers} ${tip.needleMm} mm needles at pressure ${tip.pressure} reach about ${tipDepthText(tip.tipMm)} mm (the dashed tip line)${past}.${why}`;
}
