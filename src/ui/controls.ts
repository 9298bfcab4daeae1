import {
  blockingConditions,
  type Condition,
  CONTRAINDICATIONS,
  formatIssues,
  INDICATIONS,
  needleWarning,
  type Region,
  REGIONS,
} from '../engine/index';
import { type Layer, LAYERS } from '../shading/index';
import { byId, option } from './dom';
import { CONDITION_LABELS, PHOTOTYPE_LABELS, REGION_LABELS } from './labels';
import { SettingsSchema, SPEEDS, type Settings } from './settings';

/** Base colours per phototype (mid-class ITA°, docs/appearance.md §1), for the swatch next to the select. */
const PHOTOTYPE_SWATCH = ['#c2a596', '#b89783', '#ac8a73', '#9f7d65', '#86634d', '#63473a'];

export const LAYER_LABELS: Record<Layer, string> = {
  surface: 'Surface (mirror)',
  erythema: 'Erythema',
  edema: 'Oedema',
  collagen: 'Collagen I / III',
  capillaries: 'Capillary integrity',
  pigment: 'Pigment',
  coverage: 'Coverage (passes)',
};

export interface ControlEvents {
  /** A setting changed (parsed and valid); the caller decides whether the skin must be rebuilt. */
  onChange(next: Settings): void;
}

/**
 * The DOM controls: built from the engine's own lists, every value parsed through the settings
 * schema before it is used, `aria-valuetext` with units on every slider.
 */
export class Controls {
  readonly region = byId<HTMLSelectElement>('region');
  readonly phototype = byId<HTMLSelectElement>('phototype');
  readonly needle = byId<HTMLInputElement>('needle');
  readonly pressure = byId<HTMLInputElement>('pressure');
  readonly seed = byId<HTMLInputElement>('seed');
  readonly layer = byId<HTMLSelectElement>('layer');
  readonly speed = byId<HTMLSelectElement>('speed');
  readonly split = byId<HTMLInputElement>('split');
  readonly override = byId<HTMLInputElement>('override');
  readonly crossRow = byId<HTMLInputElement>('cross-row');
  readonly crossToggle = byId<HTMLInputElement>('cross-toggle');
  private readonly checks = new Map<Condition, HTMLInputElement>();
  private settings: Settings;

  constructor(initial: Settings, private readonly events: ControlEvents) {
    this.settings = initial;
    for (const r of REGIONS) this.region.appendChild(option(r, REGION_LABELS[r]));
    PHOTOTYPE_LABELS.forEach((label, k) => this.phototype.appendChild(option(String(k + 1), label)));
    for (const l of LAYERS) this.layer.appendChild(option(l, LAYER_LABELS[l]));
    for (const s of SPEEDS) this.speed.appendChild(option(s.id, s.label));
    this.buildChecks(byId('indications'), INDICATIONS);
    this.buildChecks(byId('contraindications'), CONTRAINDICATIONS);
    this.write(initial);
    this.bind();
  }

  private buildChecks(host: HTMLElement, list: readonly Condition[]): void {
    for (const c of list) {
      const label = document.createElement('label');
      label.className = 'check';
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.value = c;
      input.id = `cond-${c}`;
      label.append(input, ` ${CONDITION_LABELS[c]}`);
      if ((CONTRAINDICATIONS as readonly string[]).includes(c)) label.classList.add('contra');
      host.appendChild(label);
      this.checks.set(c, input);
    }
  }

  get current(): Settings {
    return this.settings;
  }

  /** Shows `s` in every control (after a reset or a restored state). */
  write(s: Settings): void {
    this.settings = s;
    this.region.value = s.skin.region;
    this.phototype.value = String(s.skin.phototype);
    byId('phototype-swatch').style.background = PHOTOTYPE_SWATCH[s.skin.phototype - 1] ?? '#ac8a73';
    for (const [c, input] of this.checks) input.checked = s.skin.conditions.includes(c);
    this.needle.value = String(s.needleMm);
    this.pressure.value = String(s.pressure);
    this.seed.value = String(s.seed);
    this.layer.value = s.layer;
    this.speed.value = s.speed;
    this.split.value = String(s.split);
    this.override.checked = s.override;
    this.crossRow.value = String(s.crossRowMm);
    this.crossToggle.checked = s.crossVisible;
    this.describe();
  }

  /** Slider value texts, the needle guidance and the contraindication box. */
  private describe(): void {
    const s = this.settings;
    const needleText = `${s.needleMm} mm`;
    this.needle.setAttribute('aria-valuetext', needleText);
    byId('needle-value').textContent = needleText;
    const pressureText = `${s.pressure.toFixed(2)} × ${s.pressure < 0.9 ? '(light)' : s.pressure > 1.1 ? '(firm)' : '(normal)'}`;
    this.pressure.setAttribute('aria-valuetext', pressureText);
    byId('pressure-value').textContent = pressureText;
    this.split.setAttribute('aria-valuetext', s.split === 0 ? 'off: whole patch shows today' : `${s.split} % of the patch shows day 0`);
    this.crossRow.setAttribute('aria-valuetext', `${s.crossRowMm} mm from the top`);
    const warn = needleWarning(s.skin.region, s.needleMm);
    const needleWarn = byId('needle-warning');
    needleWarn.hidden = warn === null;
    needleWarn.textContent = warn?.message ?? '';
    const blocking = blockingConditions(s.skin.conditions);
    const box = byId('block-warning');
    box.hidden = blocking.length === 0;
    byId('block-text').textContent =
      blocking.length === 0
        ? ''
        : `${blocking.map((c) => CONDITION_LABELS[c]).join(', ')}: a contraindication. Microneedling is not done over ${blocking.length > 1 ? 'these conditions' : 'this condition'}; the roller is blocked unless you override.`;
  }

  private read(): Settings | string {
    const conditions = [...this.checks].filter(([, input]) => input.checked).map(([c]) => c);
    const candidate = {
      seed: this.seed.value.trim() === '' ? Number.NaN : Number(this.seed.value),
      skin: { region: this.region.value, phototype: Number(this.phototype.value), conditions },
      override: this.override.checked,
      needleMm: Number(this.needle.value),
      pressure: Number(this.pressure.value),
      layer: this.layer.value,
      speed: this.speed.value,
      split: Number(this.split.value),
      crossRowMm: Number(this.crossRow.value),
      crossVisible: this.crossToggle.checked,
    };
    const parsed = SettingsSchema.safeParse(candidate);
    if (!parsed.success) return formatIssues(parsed.error).join('; ');
    return parsed.data;
  }

  private bind(): void {
    const skinInputs: HTMLElement[] = [this.region, this.phototype, this.override, ...this.checks.values()];
    const handler = (): void => {
      const next = this.read();
      const seedError = byId('seed-error');
      if (typeof next === 'string') {
        // Keep the last good settings; say exactly what is wrong (the seed is the only free-typed field).
        seedError.hidden = false;
        seedError.textContent = next.replace(/^seed:/, 'Seed:');
        this.seed.setAttribute('aria-invalid', 'true');
        return;
      }
      seedError.hidden = true;
      this.seed.removeAttribute('aria-invalid');
      this.settings = next;
      this.describe();
      byId('phototype-swatch').style.background = PHOTOTYPE_SWATCH[next.skin.phototype - 1] ?? '#ac8a73';
      this.events.onChange(next);
    };
    for (const el of skinInputs) el.addEventListener('change', handler);
    this.seed.addEventListener('change', handler);
    for (const el of [this.needle, this.pressure, this.split, this.crossRow]) el.addEventListener('input', handler);
    for (const el of [this.layer, this.speed, this.crossToggle]) el.addEventListener('change', handler);
  }
}
