/** Hours in a day: the model's clock ticks in hours, courses and charts speak in days. Stated once here. */
export const HOURS_PER_DAY = 24;
