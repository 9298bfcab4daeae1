import type { Spread } from './stats';

/** One figure of the bench: a measured value (median and spread) and what it is compared with. */
export interface Figure {
  /** Its key in `--json`. */
  key: string;
  label: string;
  unit: string;
  value: Spread;
  /** The baseline measured in the same run on the same work, if the figure has one. */
  baseline?: { label: string; unit: string; value: Spread };
  /** The goal of issue 8, as text (e.g. "≤ 300 ms"). */
  goal?: string;
  note?: string;
}
