import type { ModelParams, Region } from './params';

/** Resolved depths of one region, mm from the skin surface (docs/model.md §2). */
export interface Anatomy {
  readonly region: Region;
  readonly epidermisMm: number;
  readonly capillaryLoopsMm: number;
  readonly plexusMm: number;
  readonly dermisMm: number;
  /** Oedema gain g_E (docs/model.md §6): thin periorbital skin swells more [I]. */
  readonly oedemaGain: number;
}

/**
 * Depths of the region's layers. Where no depth was measured (docs/model.md §2), the capillary loops sit
 * 0.05 mm under the epidermis and the superficial plexus at 20 % of the dermis [I].
 * `dermisFactor` scales the dermis (cohort variability, σ 10 %, docs/model.md §10); the plexus moves with it.
 */
export function resolveAnatomy(params: ModelParams, region: Region, dermisFactor = 1): Anatomy {
  const r = params.regions[region];
  const dermisMm = r.dermisMm * dermisFactor;
  const capillaryLoopsMm = r.capillaryLoopsMm ?? r.epidermisMm + 0.05;
  const plexusBase = r.plexusMm ?? r.epidermisMm + 0.2 * r.dermisMm;
  const plexusMm = r.epidermisMm + (plexusBase - r.epidermisMm) * dermisFactor;
  return { region, epidermisMm: r.epidermisMm, capillaryLoopsMm, plexusMm, dermisMm, oedemaGain: r.oedemaGain };
}
