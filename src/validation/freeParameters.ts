/**
 * Parameters no validation target notices at × 10 or × 0.1, each with the reason it may stay free
 * (docs/model.md §18). The sensitivity test fails when a parameter here is noticed after all, or when
 * an unnoticed parameter is missing here.
 */
export const FREE_PARAMETERS: Readonly<Record<string, string>> = {};
