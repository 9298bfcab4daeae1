import { cohortGridCells, runCohort, type CohortResult } from './cohort';
import { runGridCells, runSinglePatient, type ScenarioResult } from './runScenario';
import type { Scenario } from './scenario';
import { warmUpFor } from './warmUp';

export type SimulationResult = ScenarioResult | CohortResult;

/** Runs a validated scenario: one typical patient, or a virtual cohort when `cohort` is set (docs/model.md §10). */
export function simulateScenario(scenario: Scenario): SimulationResult {
  warmUpFor(scenario.cohort !== undefined ? cohortGridCells(scenario) : runGridCells(scenario));
  if (scenario.cohort !== undefined) return runCohort(scenario, scenario.cohort.patients);
  return runSinglePatient(scenario).result;
}

export function isCohortResult(r: SimulationResult): r is CohortResult {
  return 'incidence' in r;
}
