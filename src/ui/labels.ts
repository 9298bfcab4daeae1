import type { Condition, Region } from '../engine/index';

/** Words users read for the engine's identifiers: one place, shared by the session and Compare views. */
export const REGION_LABELS: Record<Region, string> = {
  forehead: 'Forehead',
  cheek: 'Cheek',
  perioral: 'Around the mouth',
  periorbital: 'Around the eyes',
  neck: 'Neck',
  body: 'Body (stretch marks)',
};

export const PHOTOTYPE_LABELS = [
  'I — very fair, always burns',
  'II — fair, usually burns',
  'III — medium, sometimes burns',
  'IV — olive, rarely burns',
  'V — brown, very rarely burns',
  'VI — dark brown to black',
] as const;

export const CONDITION_LABELS: Record<Condition, string> = {
  'acne-scars': 'Acne scars',
  wrinkles: 'Wrinkles',
  laxity: 'Loose skin',
  pigmentation: 'Dark spots',
  'stretch-marks': 'Stretch marks',
  'active-acne': 'Active acne',
  rosacea: 'Rosacea',
  rash: 'Rash / eczema',
  herpes: 'Herpes (cold sore)',
  'keloid-tendency': 'Keloid tendency',
  isotretinoin: 'Isotretinoin (last 6 months)',
  anticoagulants: 'Anticoagulants',
  pregnancy: 'Pregnancy',
};
