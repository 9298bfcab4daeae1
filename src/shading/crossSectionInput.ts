/** What a depth view is drawn from (crossSection.ts): the region's anatomy, the fields along the row and the punctures near it. */

export interface CrossSectionAnatomy {
  readonly epidermisMm: number;
  readonly capillaryLoopsMm: number;
  readonly plexusMm: number;
  readonly dermisMm: number;
}

export interface CrossSectionInput {
  readonly anatomy: CrossSectionAnatomy;
  readonly phototype: number;
  /** Simulated hour now. */
  readonly hour: number;
  /** Depth shown below the surface, mm (e.g. 2.5). */
  readonly depthRangeMm: number;
  readonly patchMm: number;
  /** Field values along the row, one per cell (length = cells). */
  readonly columns: {
    readonly C3: Float32Array;
    readonly C1: Float32Array;
    readonly Ep: Float32Array;
    readonly I: Float32Array;
    readonly E: Float32Array;
    readonly V: Float32Array;
    readonly T: Float32Array;
    readonly W: Float32Array;
  };
  /** Punctures near the row: position (along it, and across), real depth, hour. */
  readonly punctures: {
    readonly xMm: Float32Array;
    readonly yMm: Float32Array;
    readonly depthMm: Float32Array;
    readonly hour: Float64Array;
    readonly count: number;
  };
  /** Anticoagulant multiplier on drawn bleeding, as the surface takes it (default 1). */
  readonly bleedingFactor?: number;
  /** Optional zoom: the stretch of the row shown, mm (default the whole row). */
  readonly xRangeMm?: readonly [number, number];
  /**
   * Real depth of the needle tip for the roller as set now (the engine's penetrationMm for the chosen
   * needle and pressure, without jitter), mm: drawn as a dashed line with its depth. Omit to hide.
   */
  readonly needleTipMm?: number;
  /** Draw the depth scale in mm down the right edge (default true). */
  readonly depthScale?: boolean;
}
