import { z } from 'zod';
import { bounded } from './bounded';
import { STEP_HOURS } from './stepping';
import { HOURS_PER_DAY } from './units';

/** A step length, hours: one of STEP_HOURS, so that steps of every length align on absolute multiples. */
const stepLength = z
  .number({ error: (iss) => `must be one of ${STEP_HOURS.join(', ')} hours, got ${String(iss.input)}` })
  .refine((h) => (STEP_HOURS as readonly number[]).includes(h), { error: (iss) => `must be one of ${STEP_HOURS.join(', ')} hours, got ${String(iss.input)}` });

/**
 * Every tunable of the model in one zod schema: range, default and source of each constant.
 * Units: time in days, depth in mm, states dimensionless (0 = untreated baseline).
 * Evidence tags (docs/model.md): [V] primary source read, [S] secondary, [U] unverified,
 * [I] our modelling choice. Sections (§) are those of docs/model.md: docs/model.md §11 is the
 * parameter table, docs/model.md §13 lists where the code departs from the model's first specification.
 */

/** Anatomical depths of one facial/body region, mm. docs/model.md §2, Chopra 2015 (histology) and Meng 2022 (ultrasound) [V]. */
const RegionAnatomySchema = z
  .object({
    epidermisMm: bounded(0.02, 0.3, 'mm'),
    /** Depth of the papillary capillary loops; null = epidermis + 0.05 mm (docs/model.md §2). */
    capillaryLoopsMm: bounded(0.03, 0.6, 'mm').nullable(),
    /** Depth of the superficial vascular plexus; null = epidermis + 0.2 × dermis (docs/model.md §2). */
    plexusMm: bounded(0.1, 1.5, 'mm').nullable(),
    dermisMm: bounded(0.3, 4, 'mm'),
    /**
     * Oedema gain g_E of the region (docs/model.md §6, third revision): thin, loose periorbital skin
     * swells more than the cheek (clinical experience of periorbital oedema after any facial procedure
     * [S]; the factor 1.5 is ours [I]). Optional in a parameter file: 1 when absent.
     */
    oedemaGain: bounded(0.2, 5, '').default(1),
  })
  .strict();

const regionDefaults = {
  // Chopra 2015 [V] (cadaver histology), Meng 2022 [V] (ultrasound dermis); docs/model.md §2.
  // Oedema gain: 1.5 periorbital, 1 elsewhere [I] (docs/model.md §6).
  forehead: { epidermisMm: 0.07, capillaryLoopsMm: null, plexusMm: null, dermisMm: 1.0, oedemaGain: 1 },
  cheek: { epidermisMm: 0.08, capillaryLoopsMm: 0.13, plexusMm: 0.4, dermisMm: 1.0, oedemaGain: 1 },
  perioral: { epidermisMm: 0.08, capillaryLoopsMm: null, plexusMm: null, dermisMm: 1.3, oedemaGain: 1 },
  periorbital: { epidermisMm: 0.04, capillaryLoopsMm: null, plexusMm: null, dermisMm: 0.65, oedemaGain: 1.5 },
  neck: { epidermisMm: 0.07, capillaryLoopsMm: null, plexusMm: null, dermisMm: 0.98, oedemaGain: 1 },
  body: { epidermisMm: 0.1, capillaryLoopsMm: null, plexusMm: null, dermisMm: 1.5, oedemaGain: 1 },
} as const;

export const REGIONS = ['forehead', 'cheek', 'perioral', 'periorbital', 'neck', 'body'] as const;
export type Region = (typeof REGIONS)[number];

export const ModelParamsSchema = z
  .object({
    regions: z
      .object({
        forehead: RegionAnatomySchema.default(regionDefaults.forehead),
        cheek: RegionAnatomySchema.default(regionDefaults.cheek),
        perioral: RegionAnatomySchema.default(regionDefaults.perioral),
        periorbital: RegionAnatomySchema.default(regionDefaults.periorbital),
        neck: RegionAnatomySchema.default(regionDefaults.neck),
        body: RegionAnatomySchema.default(regionDefaults.body),
      })
      .strict()
      .default(regionDefaults),

    // ── Roller, penetration and injury (docs/model.md §3–§4) ──────────────────────────
    /** Drum width across the stroke, mm (standard 192-needle roller, Schwarz & Laaff 2011 [V]). */
    drumWidthMm: bounded(5, 50, 'mm').default(20),
    /** Drum diameter, mm: with the width it gives the drum surface π·2 cm·2 cm (Schwarz & Laaff 2011 [V]). */
    drumDiameterMm: bounded(5, 50, 'mm').default(20),
    /** Needles on the drum: 8 rows (discs) of 24 (Schwarz & Laaff 2011 [V]). */
    needleRows: bounded(1, 64, '', { int: true }).default(8),
    needlesPerRow: bounded(1, 200, '', { int: true }).default(24),
    /** Lateral scatter of a puncture around its disc's track, mm: skin stretch and drum play [I]. */
    trackJitterMm: bounded(0, 2, 'mm').default(0.15),
    /** Real/nominal penetration. Kalluri 2011 [V] ≈ 0.2 in rat; Roll-CIT reports [S] ≈ 0.5. */
    fPen: bounded(0.05, 1, '').default(0.5),
    /** Per-needle relative depth scatter, σ (docs/model.md §3) [I]. */
    penetrationJitter: bounded(0, 0.5, '').default(0.15),
    /** Gaussian spread of one channel's mediators, mm (docs/model.md §4) [I]: about a millimetre of tissue. */
    injurySigmaMm: bounded(0.1, 3, 'mm').default(0.75),
    /** Punctures/cm² of one reference session: 15 passes × 15.3/cm² (Singh & Yadav 2016 [S]). */
    referenceDensityPerCm2: bounded(50, 1000, 'cm⁻²').default(250),
    /** Normaliser of dermal injury: reference depth 0.75 mm − cheek loops 0.13 mm (docs/model.md §4). */
    dermalInjuryScaleMm: bounded(0.1, 2, 'mm').default(0.62),
    /** Width of the logistic vessel-hit transitions (docs/model.md §4) [I]. */
    vesselHitWidthMm: bounded(0.01, 0.3, 'mm').default(0.05),
    /**
     * Share of a session's punctures expected below the dermis above which the session warns
     * (`needle-below-dermis`, docs/model.md §4) [I]: a few stray deep needles are not worth a warning.
     */
    belowDermisWarnShare: bounded(0, 1, '').default(0.05),

    // ── Second model revision (docs/model.md §5): flare, intensity, below the dermis ───
    /** Flare jump per unit of epidermal + dermal injury: the wheal-and-flare "triple response" (Lewis 1927 [V]) [I]. */
    kR: bounded(0, 2, '').default(0.3),
    /** Flare fading time, days: 3 h, within the 2–4 h the model revision allows [I]. */
    tauR: bounded(0.01, 1, 'days').default(0.125),
    /** Saturation dose of growth-factor release within one session, reference doses [I]. */
    uSat: bounded(0.1, 20, 'reference doses').default(1.5),
    /** Vascular dose of one session above which capillaries break by themselves, reference doses [I]. */
    uCrit: bounded(0.5, 20, 'reference doses').default(2),
    /**
     * Telangiectasia per reference dose of vascular injury above u_crit in one session [I]. 0.1 with the
     * third revision (was 0.05): V15's hard session must still break capillaries once vascular
     * over-injury also costs synthesis (docs/model.md §5).
     */
    cAgg: bounded(0, 1, '').default(0.1),
    /** Purpura (bruising) from the channel length below the dermis per reference dose: decays over τ_Pu [I]. */
    tauPurpura: bounded(0.5, 60, 'days').default(7),

    // ── Third model revision (docs/model.md §16): overdoing costs benefit ──────────────
    /**
     * Deep plexus (M5): the part of a channel below the dermis, u_deep = r·max(0, δ − (e + h_d))/0.62 mm,
     * injures the deep vascular plexus: V ← V·e^(−c_dv·u_deep), 1 − T ← (1 − T)·e^(−c_dT·u_deep) [I].
     * c_dv below ≈ 0.25 lets a 3 mm course on the cheek cost no more capillaries than 2 mm (V23).
     */
    cDeepV: bounded(0, 2, '').default(0.3),
    cDeepT: bounded(0, 1, '').default(0.02),
    /**
     * Oxygen-limited synthesis (M1): collagen deposition needs perfused tissue — prolyl hydroxylation
     * needs O₂ and wound collagen deposition tracks tissue oxygen tension (Hunt & Pai 1972, Surg Gynecol
     * Obstet 135:561; Jonsson et al. 1991, Ann Surg 214:605 [V]). Synthesis × φ, φ = (V·(1 − β_T·T))^n_O2:
     * broken, ectatic capillaries deliver little [I mapping]. β_T is what gives the harm a slow memory:
     * without it daily × 30 gains more than daily × 14 (V19).
     */
    oxygenExponent: bounded(0.1, 10, '').default(1.5),
    betaT: bounded(0, 1, '').default(0.5),
    /**
     * Matrix breakdown while inflamed (M2): re-injury before inflammation settles degrades new matrix —
     * MMP levels are high in repeatedly injured, chronic wounds (Trengove et al. 1999, Wound Repair Regen
     * 7:442 [V]). M = k_mmp·max(0, I − I_0); C3′ −= M·C3, C1′ −= ε·M·C1 [I constants]. One reference
     * session peaks at I ≈ 0.70, below I_0, so a single session never triggers it.
     */
    kMmp: bounded(0, 10, '/day').default(0.2),
    iMmp: bounded(0.05, 10, '').default(0.8),
    epsMmp: bounded(0, 1, '').default(0.3),
    /**
     * Hyperaemia (M7): red skin carries more blood, perfusion300um = V·(1 − k_Q·gain)·(1 + k_h·erythema) − 1 [I].
     * Kenkel's lasting −25.8 % is read when erythema is 0, so it is unchanged (V22).
     */
    kH: bounded(0, 10, '').default(1.5),

    // ── Dynamics (docs/model.md §6, §11); all τ in days ──────────────────────────────
    /** Barrier: pores closed by 12–18 h, barrier back in 4–5 h (Kalluri 2011 [V]); ≤ 2 h unoccluded in humans (Gupta 2011 [V]). */
    tauW: bounded(0.02, 3, 'days').default(0.24),
    /** Dermal damage/debris clearance [I], set with τ_I so erythema lasts 1–3 d at 1.5 mm (clinical reports [V]/[S]). */
    tauD: bounded(0.1, 10, 'days').default(1.2),
    /** Inflammation gain; visible erythema (I > 0.15) 0.25 mm none, 1.5 mm ≈ 2.6 d, ≤ 7 d always (Chu 2021 [V]). */
    kI: bounded(0, 20, '/day').default(2.5),
    aW: bounded(0, 5, '').default(0.4),
    tauI: bounded(0.05, 10, 'days').default(0.4),
    /** Oedema peaks ≈ 24–28 h and is gone ≈ 3 d [S]. */
    kE: bounded(0, 20, '/day').default(1.2),
    tauE: bounded(0.05, 10, 'days').default(0.6),
    /** Growth factors/macrophages: loss 0.2–0.3 /d (Waugh & Sherratt 2006 d1 = 0.2 [V]; Adler 2020 μ = 0.3 [S]). */
    kG: bounded(0, 10, '/day').default(0.25),
    tauG: bounded(0.5, 30, 'days').default(4),
    /** Fibroblasts: Adler 2020 μ1 = 0.3 /d [S]; peak day 4.5–5, < 10 % by day 20 (wound-healing reviews [V]). */
    kF: bounded(0, 20, '/day').default(1.2),
    fMax: bounded(0.1, 10, '').default(1),
    tauF: bounded(0.5, 30, 'days').default(3.3),
    /**
     * Collagen III synthesis, calibrated to Lotfi 2013 [V] (5 monthly 1.5 mm sessions: +53 % at day 176).
     * Recalibrated with the third revision (docs/model.md §16), whose oxygen factor φ < 1 right after a
     * session lowers synthesis.
     */
    s3: bounded(0, 2, '/day').default(0.0779),
    /** Cap on new collagen (fraction over baseline) [I]: stops runaway gain. */
    cMax: bounded(0.1, 10, '').default(1.2),
    /** III → I maturation; collagen III still raised at 3 months (El-Domyati 2015 [V]; Kenkel group 2021 [V]). */
    tau31: bounded(5, 1000, 'days').default(60),
    /** Collagen III degradation (El-Domyati 2015 [V]). */
    tau3d: bounded(5, 2000, 'days').default(150),
    /** Turnover of new collagen I: gains persist ≥ 12 months (Aust 2008 [V]; Alster & Li 2020 [V]). */
    tauNeo: bounded(30, 5000, 'days').default(500),
    /** Epidermal thickening per collagen gain, Lotfi 2013 [V] (+50 % at day 176; recalibrated, docs/model.md §16); τ ≈ one epidermal turnover [U]. */
    kappaEp: bounded(0, 5, '').default(0.923),
    tauEpi: bounded(1, 200, 'days').default(28),
    /** Capillary repair by angiogenic sprouting from ≈ 24 h (Singer & Clark [S]) [I]. */
    tauV: bounded(0.5, 60, 'days').default(5),
    /** Capillary loss per plexus hit of reference density [I]. */
    cV: bounded(0, 1, '').default(0.35),
    /** ≈ 1.45 × the peak inflammation of one reference session, so one session never exceeds it [I]. */
    iCrit: bounded(0.05, 10, '').default(1.0),
    /** Telangiectasia: no data [I]; monthly → T ≈ 0, weekly 1.5 mm → ≈ 0.13, daily → ≈ 0.6. */
    kT: bounded(0, 1, '/day').default(0.02),
    cRe: bounded(0, 1, '').default(0.15),
    tauT: bounded(30, 36500, 'days').default(3650),
    /** Post-inflammatory pigment; PIH incidence in types IV–V (Dogra 2014 [V]). */
    kP: bounded(0, 1, '/day').default(0.02),
    iPih: bounded(0, 5, '').default(0.4),
    tauP: bounded(5, 1000, 'days').default(60),
    /** Phototype susceptibility φ (median of the cohort's lognormal(0,1)) per type I–VI [I]:
     * ×0.3 for I–II, ×1 for IV–V, ×2 for VI (docs/model.md §11); III at ×0.6 is our interpolation. */
    phiByPhototype: z
      .tuple([bounded(0, 20), bounded(0, 20), bounded(0, 20), bounded(0, 20), bounded(0, 20), bounded(0, 20)])
      .default([0.3, 0.3, 0.6, 1, 1, 2]),
    /** Perfusion at 300 µm vs collagen gain (Kenkel group 2021 [V]). */
    kQ: bounded(0, 2, '').default(0.62),
    /**
     * Scar severity change per unit of mature collagen C1: scarSeverity = −g·C1 (third revision: mature
     * collagen, so the score does not worsen while collagen III turns over, Alam 2014 [V]). Calibrated
     * to Dogra 2014 [V]: acne scar score 11.73 → 6.5 (−44.6 %) one month after 5 monthly sittings.
     */
    gScar: bounded(0, 5, '').default(1.1),
    /**
     * Indication grades (change of clinical grade, negative = better) saturate at the patient's
     * baseline grade G0 (third revision, docs/model.md §7): grade = −G0·(1 − e^(−C1/c)) for wrinkles,
     * laxity and texture, so no protocol improves a grade past the bottom of its scale (V20). The
     * mapping is ours [I]; c_w, c_l, c_t are calibrated [V] to Ablon 2018 (J Clin Aesthet Dermatol
     * 11(8):29–34): four sessions 30 days apart, mean improvement at day 150 of 1.23 (wrinkles, Lemperle
     * scale), 1.09 (laxity) and 1.54 (texture, modified Alexiades-Armenakas scale).
     */
    gradeBaseline: bounded(0.5, 4, 'grades').default(3),
    cWrinkleGrade: bounded(0.01, 20, '').default(0.708),
    cLaxityGrade: bounded(0.01, 20, '').default(0.827),
    cTextureGrade: bounded(0.01, 20, '').default(0.518),
    /**
     * The "plastic" look on the texture grade [I]: + b_T·T for telangiectasia and + b_d·max(0, C3 − C1)
     * for disorganised, immature collagen (docs/model.md §7). b_d matters only in the first week.
     */
    textureTelangiectasiaPenalty: bounded(0, 10, 'grades').default(1),
    textureDisorderPenalty: bounded(0, 10, 'grades').default(0.5),
    /** Lateral diffusion of inflammation and growth factors, mm²/day (docs/model.md §6, §8; on by default, 0 turns it off) [I]. */
    lateralDiffusionMm2PerDay: bounded(0, 1, 'mm²/day').default(0.02),

    // ── Contraindication hooks (docs/model.md §9) [I] ────────────────────────────────
    /** Inflammation multiplier when a session is forced over active acne / rash / herpes. */
    overrideInflammationFactor: bounded(1, 10, '').default(2),
    /** Rosacea: pre-existing telangiectasia and halved critical inflammation. */
    rosaceaT0: bounded(0, 1, '').default(0.1),
    rosaceaICritFactor: bounded(0.05, 1, '').default(0.5),
    /**
     * Keloid tendency: higher collagen cap, slower maturation and slower collagen III breakdown
     * (keloid fibroblasts over-produce and under-degrade collagen). The breakdown factor equals the
     * maturation factor so the slower maturation never lowers the total gain (docs/model.md §9).
     */
    keloidCMax: bounded(0.1, 10, '').default(3),
    keloidTau31Factor: bounded(1, 10, '').default(3),
    keloidTau3dFactor: bounded(1, 10, '').default(3),
    /** Vitamin A/C priming: s3 × 1.5 (claims up to × 4 are unverified) [S]/[U]. */
    primingS3Factor: bounded(1, 4, '').default(1.5),
    /** Anticoagulants: more pinpoint bleeding (rendering only) [I]. */
    anticoagulantBleedingFactor: bounded(1, 5, '').default(2),

    // ── Numerics (docs/model.md §8) ────────────────────────────────────────────────
    /** Quiet gap that separates two sessions, hours (docs/model.md §5: V⁻ is re-read after ≥ 2 h without injury). */
    sessionGapHours: bounded(0.5, 48, 'h').default(2),
    /**
     * Adaptive step caps by time since the last injury (docs/model.md §8): each entry allows steps of
     * `stepHours` until `untilHours` after the injury; later steps may reach `maxStepHours`. Step
     * lengths are taken from STEP_HOURS (stepping.ts) and aligned to absolute multiples of themselves,
     * so the step sequence depends only on the events.
     */
    stepLadder: z
      .array(z.object({ untilHours: bounded(1, HOURS_PER_DAY * 365, 'h'), stepHours: stepLength }).strict())
      .max(8)
      .default([
        // The first day: inflammation peaks and pigment/telangiectasia thresholds are crossed.
        { untilHours: 24, stepHours: 6 },
        // Collagen builds for three weeks: steps longer than a day would cost accuracy (tests/unit/engine/stepping.test.ts).
        { untilHours: 21 * HOURS_PER_DAY, stepHours: 24 },
      ]),
    /** Longest step once the ladder is past, hours: longer than a day only helps a caller that samples rarely. */
    maxStepHours: stepLength.default(96),
    /**
     * Longest step of a quiet patch (every fast pool zero): the slow pools are then a linear system,
     * stepped by its exact propagator, and samples inside the step are exact too (docs/model.md §8).
     */
    quietStepHours: stepLength.default(768),
    /** Fixed step length, hours, instead of the adaptive ladder (0 = adaptive): the reference stepping of the tests. */
    fixedStepHours: z.union([z.literal(0), stepLength]).default(0),
    /**
     * Lateral diffusion is skipped in a step where inflammation and growth factors stay below this
     * everywhere (their maxima are tracked in the reaction loop) [I]: I below 0.01 is far from visible
     * (0.15), and skipping the diffusion of G below 0.01 moves no patch mean by more than 1e-5 on a
     * monthly or a daily course (measured against diffusing always, docs/model.md §8).
     */
    diffusionFloor: bounded(0, 1, '').default(0.01),
    /**
     * Fast pools (W, D, I, E, G, F, R, Pu) below this are set to zero [I]. It spares float32
     * denormals (W reaches them three weeks after a session; each operation on one is several times
     * slower) and lets a cell settle: about two weeks after its last injury the inflammatory pools are
     * zero, about six weeks after it the growth factors and fibroblasts too, and only the slow pools
     * move. Every output stays within 1e-4 of a run without flushing (3e-5 on a monthly course,
     * tests/unit/engine/stepping.test.ts).
     */
    flushBelow: bounded(0, 1e-3, '').default(1e-5),
  })
  .strict();

export type ModelParams = z.infer<typeof ModelParamsSchema>;
export type ModelParamsInput = z.input<typeof ModelParamsSchema>;
export type RegionAnatomyInput = z.infer<typeof RegionAnatomySchema>;

export const DEFAULT_PARAMS: ModelParams = Object.freeze(ModelParamsSchema.parse({})) as ModelParams;

/** Parses a (partial) parameter override; throws a ZodError naming the field and range on bad input. */
export function parseParams(input: unknown = {}): ModelParams {
  return ModelParamsSchema.parse(input);
}
