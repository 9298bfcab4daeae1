/**
 * The app's one palette: the Okabe–Ito colours (Okabe & Ito 2008, "Color Universal Design"), chosen
 * to stay distinct under the common colour-vision deficiencies, named once here. The live chart's
 * series (seriesDisplay.ts) and Compare's courses both draw with them; every line also gets its own dash pattern, so
 * lines are told apart in greyscale prints and by users who see no colour difference at all.
 */
export const OKABE_ITO = {
  blue: '#0072B2',
  vermilion: '#D55E00',
  bluishGreen: '#009E73',
  reddishPurple: '#CC79A7',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
} as const;

/** Colour and dash pattern of one of the (at most six) courses in a comparison. */
export interface CourseStyle {
  /** CSS colour. */
  readonly colour: string;
  /** Human name of the colour, for legends read aloud. */
  readonly colourName: string;
  /** uPlot/Canvas dash pattern in CSS px ([] = solid). */
  readonly dash: readonly number[];
  /** Name of the dash pattern, for legends read aloud. */
  readonly dashName: string;
}

export const COURSE_STYLES: readonly CourseStyle[] = [
  { colour: OKABE_ITO.blue, colourName: 'blue', dash: [], dashName: 'solid' },
  { colour: OKABE_ITO.vermilion, colourName: 'vermilion', dash: [10, 5], dashName: 'dashed' },
  { colour: OKABE_ITO.bluishGreen, colourName: 'bluish green', dash: [2, 4], dashName: 'dotted' },
  { colour: OKABE_ITO.reddishPurple, colourName: 'reddish purple', dash: [12, 4, 2, 4], dashName: 'dash-dot' },
  { colour: OKABE_ITO.orange, colourName: 'orange', dash: [16, 6], dashName: 'long dash' },
  { colour: OKABE_ITO.skyBlue, colourName: 'sky blue', dash: [4, 3, 4, 3, 12, 3], dashName: 'dash-dash-long' },
];

/** Style of the course at `index` (0-based) in the comparison. */
export function courseStyle(index: number): CourseStyle {
  const n = COURSE_STYLES.length;
  return COURSE_STYLES[((index % n) + n) % n]!;
}

/** The colour with an alpha channel, for a cohort's 10–90 % band behind its median line. */
export function bandFill(colour: string, alpha = 0.18): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!m) return colour;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}
