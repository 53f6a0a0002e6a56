/** What to call in an emergency, for the person's region (R-EMERGENCY-NUMBER). */
export interface EmergencyNumber {
  /** The number to dial, as shown and as used in a `tel:` link. */
  number: string;
  /** Another number that works the same where a region has two (Ireland). */
  alternative?: string;
  /** True when Limber does not know the region's number and shows 112 beside "your local emergency number". */
  generic: boolean;
}

// The 27 member states of the European Union, where 112 reaches emergency services.
const EU = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IT LV LT LU MT NL PL PT RO SK SI ES SE".split(
  " ",
);

const NUMBERS: Record<string, Omit<EmergencyNumber, "generic">> = {
  US: { number: "911" },
  CA: { number: "911" },
  GB: { number: "999" },
  UK: { number: "999" },
  IE: { number: "112", alternative: "999" },
  AU: { number: "000" },
  NZ: { number: "111" },
  JP: { number: "119" },
  IN: { number: "112" },
  CN: { number: "120" },
  ...Object.fromEntries(EU.map((code) => [code, { number: "112" }])),
};

/** The emergency number for an ISO 3166 alpha-2 region; 112 and a plain caveat elsewhere. */
export function emergencyNumberFor(region: string | undefined): EmergencyNumber {
  const known = region ? NUMBERS[region.toUpperCase()] : undefined;
  return known ? { ...known, generic: false } : { number: "112", generic: true };
}

/** The number as a sentence to read aloud or show, e.g. "Call 112 or 999". */
export function describeEmergencyNumber(emergency: EmergencyNumber): string {
  if (emergency.generic) return `Call your local emergency number (112 in many countries)`;
  return emergency.alternative
    ? `Call ${emergency.number} or ${emergency.alternative}`
    : `Call ${emergency.number}`;
}
