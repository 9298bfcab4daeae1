import { runCohort, type CohortResult } from './cohort';
import { runSinglePatient, type ScenarioResult } from './runScenario';
import type { Scenario } from './scenario';

export type SimulationResult = ScenarioResult | CohortResult;

/** Runs a validated scenario: one typical patient, or a virtual cohort when `cohort` is set (docs/model.md §10). */
export function simulateScenario(scenario: Scenario): SimulationResult {
  if (scenario.cohort !== undefined) return runCohort(scenario, scenario.cohort.patients);
  return runSinglePatient(scenario).result;
}

export function isCohortResult(r: SimulationResult): r is CohortResult {
  return 'incidence' in r;
}
